import { DidDocument, JsonTransformer, TypedArrayEncoder, type Agent } from '@credo-ts/core'

import type { DidWebHost } from './didWebHost'

/** The DID document of a did:web with one Ed25519 key, as a registry publishes it. */
export function didWebDocument(did: string, publicKeyBase58: string) {
  const key = `${did}#key-1`
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/ed25519-2018/v1'],
    id: did,
    verificationMethod: [{ id: key, type: 'Ed25519VerificationKey2018', controller: did, publicKeyBase58 }],
    assertionMethod: [key],
    authentication: [key],
  }
}

/**
 * Gives a Credo agent a did:web of its own on `host`: a new Ed25519 key in its store, the document served
 * at /.well-known/did.json, and the same document in its own DID record (Credo resolves a DID it holds a
 * record of from that record, so it signs without asking its own host). Returns the verification method.
 */
export async function serveOwnDidWeb(agent: Pick<Agent, 'kms' | 'dids'>, host: DidWebHost): Promise<string> {
  const created = await agent.kms.createKey({ type: { kty: 'OKP', crv: 'Ed25519' } })
  const x = (created.publicJwk as { x: string }).x
  const document = didWebDocument(host.did, TypedArrayEncoder.toBase58(TypedArrayEncoder.fromBase64(x)))
  host.documents.set('/.well-known/did.json', document)
  await agent.dids.import({
    did: host.did,
    didDocument: JsonTransformer.fromJSON(document, DidDocument),
    keys: [{ didDocumentRelativeKeyId: '#key-1', kmsKeyId: created.keyId }],
    overwrite: true,
  })
  return `${host.did}#key-1`
}
