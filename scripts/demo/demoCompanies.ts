import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import {
  DidWebHost,
  INSURER_NAME,
  Issuer,
  Lender,
  newCertificateAuthority,
  OpenId4VcBank,
  OpenId4VcLender,
  policyRecordsSevenYears,
  serveOwnDidWeb,
  Tmf644Insurer,
} from '../companies'
import { AgreementParty } from '../companies/AgreementParty'
import { lenderTakesAYear } from '../companies/mortgageDataList'

export interface DemoCompanies {
  registry: Issuer
  employer: Issuer
  bank: Issuer
  lender: Lender
  /** The lender's side of data agreements (issue 32), and an insurer publishing its data list over TMF644. */
  lenderAgreements: AgreementParty
  insurer: Tmf644Insurer
  /** The insurer's DIDComm side (issue 23): it issues the person's home-insurance policy. */
  policyIssuer: Issuer
  /** The registry's own did:web, served over HTTPS on 127.0.0.1 with a certificate from the demo CA. */
  registryDid: string
  /** The demo CA (PEM) a node must be told to trust to read the registry's did:web; also in demo-ca.pem. */
  caCertificate: string
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

/**
 * The seven sample companies (five DIDComm, two OpenID4VC), each a Credo agent on its own Askar store under
 * `dir`, on 127.0.0.1, and the registry's web host (port + 4 when ports are given; the OpenID4VC bank and
 * lender + 5 and + 6, the insurer's DIDComm agent + 7).
 */
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
  // The registry also issues as the field does: from its own did:web, on its own web host, with a
  // certificate from a CA made for this run (its key never leaves the process; the node is told to trust it).
  const ca = await newCertificateAuthority('Custos demo CA')
  const registryHost = await DidWebHost.start(await ca.serverCertificate(), await port(4))
  await serveOwnDidWeb(registry.agent, registryHost)
  fs.writeFileSync(path.join(dir, 'demo-ca.pem'), ca.certificate)
  // Started beside the OpenID4VC pair, not after them: the insurer's agent adds no wait of its own.
  const [openId4VcBank, openId4VcLender, policyIssuer] = await Promise.all([
    options('OpenID4VC Bank', 5).then(OpenId4VcBank.start),
    options('OpenID4VC Lender', 6).then(OpenId4VcLender.start),
    options(INSURER_NAME, 7).then(Issuer.start),
  ])
  const lenderAgreements = new AgreementParty(lender.agent, lenderTakesAYear)
  const insurer = await Tmf644Insurer.start(policyRecordsSevenYears)
  lender.trust('IdentityCredential', registry.did)
  lender.trust('IncomeCredential', employer.did)
  lender.trust('BankStatementCredential', bank.did)
  return {
    registry,
    employer,
    bank,
    lender,
    lenderAgreements,
    insurer,
    policyIssuer,
    registryDid: registryHost.did,
    caCertificate: ca.certificate,
    openId4VcBank,
    openId4VcLender,
    stop: async () => {
      const all = [registry, employer, bank, lender, policyIssuer, openId4VcBank, openId4VcLender]
      await Promise.all(all.map((company) => company.stop().catch(() => undefined)))
      await registryHost.stop().catch(() => undefined)
      await insurer.stop().catch(() => undefined)
    },
  }
}
