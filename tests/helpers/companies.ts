import path from 'node:path'

import type { CustosNode } from '../../electron/node'
import { Issuer, Lender } from '../../scripts/companies'
import { freePort } from './freePort'
import { apiOf } from './nodes'

export interface Companies {
  registry: Issuer
  employer: Issuer
  bank: Issuer
  lender: Lender
  stop(): Promise<void>
}

/** The sample companies, each a plain Credo agent with its own store under `dir`. */
export async function startCompanies(dir: string): Promise<Companies> {
  const start = async (name: string) => ({ name, dataDir: path.join(dir, name), port: await freePort() })
  const [registry, employer, bank, lender] = await Promise.all([
    start('Population Registry').then(Issuer.start),
    start('Employer').then(Issuer.start),
    start('Bank').then(Issuer.start),
    start('Lender').then(Lender.start),
  ])
  return {
    registry,
    employer,
    bank,
    lender,
    stop: async () => {
      await Promise.all([registry, employer, bank, lender].map((company) => company.stop().catch(() => undefined)))
    },
  }
}

/** The node accepts a company's invitation through the API; returns both sides' connection ids. */
export async function connectToCompany(node: CustosNode, company: Issuer | Lender) {
  const { url, outOfBandId } = await company.invitation()
  const nodeSide = await apiOf(node)['connections.acceptInvitation']({ url })
  const companySide = await company.connectionFor(outOfBandId)
  await node.agent.didcomm.connections.returnWhenIsConnected(nodeSide.id, { timeoutMs: 20_000 })
  return { nodeConnectionId: nodeSide.id, companyConnectionId: companySide }
}

/** Polls `probe` until it returns something other than undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
