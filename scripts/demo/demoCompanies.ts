import net from 'node:net'
import path from 'node:path'

import { Issuer, Lender } from '../companies'

export interface DemoCompanies {
  registry: Issuer
  employer: Issuer
  bank: Issuer
  lender: Lender
  stop(): Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** The four sample companies, each a Credo agent on its own Askar store under `dir`, on 127.0.0.1. */
export async function startDemoCompanies(dir: string, firstPort: number): Promise<DemoCompanies> {
  const port = async (offset: number) => (firstPort ? firstPort + offset : freePort())
  const options = async (name: string, offset: number) => ({
    name,
    dataDir: path.join(dir, name.toLowerCase().replace(/\s+/g, '-')),
    port: await port(offset),
  })
  const registry = await Issuer.start(await options('Population Registry', 0))
  const employer = await Issuer.start(await options('Employer', 1))
  const bank = await Issuer.start(await options('Bank', 2))
  const lender = await Lender.start(await options('Lender', 3))
  lender.trust('IdentityCredential', registry.did)
  lender.trust('IncomeCredential', employer.did)
  lender.trust('BankStatementCredential', bank.did)
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
