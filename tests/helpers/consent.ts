import path from 'node:path'

import type { CustosNode } from '../../electron/node'
import { identityClaims, incomeClaims, Lender, type SamplePerson } from '../../scripts/companies'
import type { PolicyInput } from '../../shared/api'
import { connectToCompany, eventually, startCompanies, type Companies } from './companies'
import { freePort } from './freePort'
import { apiOf, startNode } from './nodes'
import { makeTmpDir } from './tmpDir'

export interface HolderBesideCompanies {
  /** A folder of the test's own, for further agents. */
  dir: string
  node: CustosNode
  companies: Companies
  /** Closes the node and the companies and removes their folders. */
  stop(): Promise<void>
}

/** A node that holds `person`'s identity and income, beside the sample companies that issued them. */
export async function startHolderBesideCompanies(person: SamplePerson): Promise<HolderBesideCompanies> {
  const tmp = makeTmpDir()
  const companies = await startCompanies(`${tmp.dir}/companies`)
  const node = await startNode(`${tmp.dir}/node`, { label: 'Alice', inbound: { port: await freePort() } })
  await issueIdentityAndIncome(node, companies, person)
  return {
    dir: tmp.dir,
    node,
    companies,
    stop: async () => {
      await node.close().catch(() => undefined)
      await companies.stop()
      tmp.cleanup()
    },
  }
}

/** The registry and the employer issue the person's identity and income credentials to the node. */
export async function issueIdentityAndIncome(node: CustosNode, companies: Companies, person: SamplePerson) {
  const api = apiOf(node)
  for (const [issuer, kind, claims] of [
    [companies.registry, 'IdentityCredential', identityClaims(person)],
    [companies.employer, 'IncomeCredential', incomeClaims(person)],
  ] as const) {
    const { companyConnectionId } = await connectToCompany(node, issuer)
    await issuer.offer(companyConnectionId, { kind, claims })
    const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    await api['credentials.acceptOffer']({ id: offer.id })
  }
}

/** Another verifier agent, e.g. one that copies the lender's label; `privateKey` fixes its did:key. */
export async function startLender(dir: string, name: string, privateKey?: Uint8Array): Promise<Lender> {
  return Lender.start({ name, dataDir: path.join(dir, `${name}-${Date.now()}`), port: await freePort(), privateKey })
}

/** Share identity and income for credit checking with one connection, at once. */
export function mortgagePolicy(connectionId: string, when: PolicyInput['when'] = {}): PolicyInput {
  return {
    name: 'Mortgage lender',
    who: { kind: 'connection', connectionId },
    what: [
      { type: 'IdentityCredential', claims: ['name', 'dateOfBirth', 'address', 'age_over_18'] },
      { type: 'IncomeCredential', claims: ['employer', 'grossYearlyIncome', 'currency', 'employedSince'] },
    ],
    why: ['dpv:CreditChecking'],
    when,
    action: 'share',
    beyond: 'ask',
  }
}

/** Resolves with the recorded evaluation of the node's request on `threadId`, once there is one. */
export async function evaluationOfThread(node: CustosNode, threadId: string) {
  const api = apiOf(node)
  return eventually(async () => {
    const record = (await node.agent.didcomm.proofs.findAllByQuery({ threadId }))[0]
    if (!record) return undefined
    const [evaluation] = await api['consent.evaluations']({ requestId: record.id })
    return evaluation ? { evaluation, requestId: record.id } : undefined
  })
}
