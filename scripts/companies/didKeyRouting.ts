import crypto from 'node:crypto'

import { DidKey, DidRepository, type Agent, type Kms } from '@credo-ts/core'

/**
 * The company's did:key: the one it made before, or a new one (from `privateKey` when given, so a test can
 * make a second agent with the same key). Credo 0.6 addresses keys by their id in the key management
 * service, which the DID record keeps.
 */
export async function companyDidKey(agent: Agent, name: string, privateKey?: Uint8Array): Promise<string> {
  const [existing] = await agent.dids.getCreatedDids({ method: 'key' })
  if (existing) return existing.did
  const keyId = privateKey ? (await importEd25519(agent, privateKey)).keyId : undefined
  const created = await agent.dids.create({
    method: 'key',
    options: keyId ? { keyId } : { createKey: { type: { kty: 'OKP', crv: 'Ed25519' } } },
  })
  if (!created.didState.did) throw new Error(`${name}: could not create its did:key`)
  return created.didState.did
}

// An Ed25519 private key's JWK (node:crypto derives x from d), imported into the agent's key management.
async function importEd25519(agent: Agent, privateKey: Uint8Array) {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(privateKey)])
  const jwk = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' })
  return agent.kms.importKey({ privateJwk: { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), d: String(jwk.d) } })
}

/** The did:key's public key with its key id, as an out-of-band invitation's recipient key. */
export async function recipientKeyOf(agent: Agent, did: string): Promise<Kms.PublicJwk<Kms.Ed25519PublicJwk>> {
  const record = await agent.dependencyManager.resolve(DidRepository).getCreatedDids(agent.context, { did })
  const publicJwk = DidKey.fromDid(did).publicJwk as Kms.PublicJwk<Kms.Ed25519PublicJwk>
  const kmsKeyId = record[0]?.keys?.[0]?.kmsKeyId
  if (kmsKeyId) publicJwk.keyId = kmsKeyId
  return publicJwk
}

/**
 * An invitation under the company's own did:key that more than one node may use. A single-use one is
 * answered with a DID under that key, and Credo takes a request for a key under one invitation only, so
 * a company that serves several nodes of one household (or the demo's second person) needs this one.
 */
export async function multiUseInvitation(company: {
  agent: Agent
  name: string
  endpoint: string
  did: string
}): Promise<{ url: string; outOfBandId: string }> {
  const record = await company.agent.didcomm.oob.createInvitation({
    label: company.name,
    multiUseInvitation: true,
    routing: {
      endpoints: [company.endpoint],
      recipientKey: await recipientKeyOf(company.agent, company.did),
      routingKeys: [],
    },
  })
  return { url: record.outOfBandInvitation.toUrl({ domain: company.endpoint }), outOfBandId: record.id }
}
