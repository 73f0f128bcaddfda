import path from 'node:path'

import { DidCommCredentialState } from '@credo-ts/didcomm'

import { didUrlOf } from '../../../electron/node/credentials'
import { eventually } from '../../../tests/helpers/companies'
import { startCredoAgent, stopCredoAgent, type CredoAgent } from '../../../tests/helpers/credoAgent'
import { identityClaims, incomeClaims, type Issuer, type Lender, type SamplePerson } from '../../companies'
import { baselineDidComm, baselineModules } from './baselineModules'
import { DISCLOSABLE, type Format } from './formats'
import type { BenchHolder, Issuers } from './holder'

type Baseline = CredoAgent<ReturnType<typeof baselineModules>>

/** The baseline: a plain Credo agent given the same credentials by the same issuers over DIDComm. */
export async function credoHolder(
  dir: string,
  format: Format,
  issuers: Issuers,
  person: SamplePerson,
): Promise<BenchHolder> {
  const agent: Baseline = await startCredoAgent({
    dir: path.join(dir, 'credo-holder'),
    label: 'Alice',
    inbound: ['http'],
    modules: baselineModules(),
    didcomm: baselineDidComm(),
  })
  const created = await agent.dids.create({
    method: 'key',
    options: { createKey: { type: { kty: 'OKP', crv: 'Ed25519' } } },
  })
  const holderDid = created.didState.did
  if (!holderDid) throw new Error('the baseline holder could not make its did:key')
  const { registry, employer } = issuers
  // Credo's JSON-LD format names no subject in its request, so the issuer offers with the holder's DID.
  if (format === 'jsonld') {
    const identity = { ...identityClaims(person), id: holderDid }
    await take(agent, holderDid, registry, (id) => registry.offer(id, { kind: 'IdentityCredential', claims: identity }))
    const income = { ...incomeClaims(person), id: holderDid }
    await take(agent, holderDid, employer, (id) => employer.offer(id, { kind: 'IncomeCredential', claims: income }))
  } else {
    const claims = identityClaims(person)
    await take(
      agent,
      holderDid,
      registry,
      (id) => registry.offerSdJwt(id, 'IdentityCredential', claims, DISCLOSABLE),
      true,
    )
  }
  return {
    admit: (lender: Lender) => connect(agent, lender),
    stop: () => stopCredoAgent(agent),
  }
}

async function connect(agent: Baseline, company: Issuer | Lender): Promise<string> {
  const { url, outOfBandId } = await company.invitation()
  const { connectionRecord } = await agent.didcomm.oob.receiveInvitationFromUrl(url, { label: 'Alice' })
  if (!connectionRecord) throw new Error('no connection record for the invitation')
  await agent.didcomm.connections.returnWhenIsConnected(connectionRecord.id, { timeoutMs: 20_000 })
  return company.connectionFor(outOfBandId)
}

type Offer = (connectionId: string) => Promise<unknown>

async function take(agent: Baseline, holderDid: string, issuer: Issuer, offer: Offer, sdJwt = false) {
  await offer(await connect(agent, issuer))
  const offered = await eventually(
    async () => (await agent.didcomm.credentials.findAllByQuery({ state: DidCommCredentialState.OfferReceived }))[0],
  )
  await agent.didcomm.credentials.acceptOffer({
    credentialExchangeRecordId: offered.id,
    // An SD-JWT VC is bound to the key the holder names; a JSON-LD offer already names the subject.
    credentialFormats: sdJwt ? { sdJwtVc: { holder: { method: 'did', didUrl: didUrlOf(holderDid) } } } : undefined,
  } as Parameters<Baseline['didcomm']['credentials']['acceptOffer']>[0])
  await eventually(async () => {
    const record = await agent.didcomm.credentials.getById(offered.id)
    return record.state === DidCommCredentialState.CredentialReceived || record.state === DidCommCredentialState.Done
      ? record
      : undefined
  })
}
