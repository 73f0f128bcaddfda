import net from 'node:net'
import path from 'node:path'

import { Issuer, Lender, OpenId4VcBank, OpenId4VcLender } from '../companies'

export interface DemoCompanies {
  registry: Issuer
  employer: Issuer
  bank: Issuer
  lender: Lender
  /** The OpenID4VC family beside DIDComm (Credo's own issuer and verifier modules). */
  openId4VcBank: OpenId4VcBank
  openId4VcLender: OpenId4VcLender
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

/** The six sample companies (four DIDComm, two OpenID4VC), each a Credo agent on its own Askar store under `dir`, on 127.0.0.1. */
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
  const openId4VcBank = await OpenId4VcBank.start(await options('OpenID4VC Bank', 4))
  const openId4VcLender = await OpenId4VcLender.start(await options('OpenID4VC Lender', 5))
  lender.trust('IdentityCredential', registry.did)
  lender.trust('IncomeCredential', employer.did)
  lender.trust('BankStatementCredential', bank.did)
  return {
    registry,
    employer,
    bank,
    lender,
    openId4VcBank,
    openId4VcLender,
    stop: async () => {
      const all = [registry, employer, bank, lender, openId4VcBank, openId4VcLender]
      await Promise.all(all.map((company) => company.stop().catch(() => undefined)))
    },
  }
}
