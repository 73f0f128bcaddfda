import { TypedArrayEncoder } from '@credo-ts/core'

import type { JsonLdDocument } from './bundledContexts'

const DID_V1 = 'https://www.w3.org/ns/did/v1'
const ED25519_2018 = 'https://w3id.org/security/suites/ed25519-2018/v1'

interface JwkMethod {
  id?: unknown
  type?: unknown
  controller?: unknown
  publicKeyJwk?: { kty?: unknown; crv?: unknown; x?: unknown }
}

function asEd25519Key(method: JwkMethod): JwkMethod | Record<string, unknown> {
  const jwk = method.publicKeyJwk
  if (method.type !== 'JsonWebKey2020' || jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    return method
  }
  const { publicKeyJwk: _jwk, ...rest } = method
  return {
    ...rest,
    type: 'Ed25519VerificationKey2018',
    publicKeyBase58: TypedArrayEncoder.toBase58(TypedArrayEncoder.fromBase64(jwk.x)),
  }
}

/**
 * A did:jwk document as the Ed25519 Linked Data suites read it. Credo writes its key as a JsonWebKey2020
 * under the jws-2020 context, which no npm package ships (so it is not bundled) and which neither Ed25519
 * suite accepts; the same key bytes as an Ed25519VerificationKey2018 are what both suites verify with.
 * Other key types stay as they are (and no suite the node has verifies them).
 */
export function didJwkForLinkedData(document: JsonLdDocument): JsonLdDocument {
  const methods = document.verificationMethod
  if (!Array.isArray(methods)) return asEd25519Key(document as JwkMethod) as JsonLdDocument
  const converted = methods.map((method) => asEd25519Key(method as JwkMethod))
  const changed = converted.some((method, index) => method !== methods[index])
  return changed ? { ...document, '@context': [DID_V1, ED25519_2018], verificationMethod: converted } : document
}

/** The context for one re-encoded method served on its own (a DID URL with a fragment). */
export function didJwkMethodContext(method: JsonLdDocument, original: unknown): unknown {
  return method.type === 'Ed25519VerificationKey2018' ? [DID_V1, ED25519_2018] : original
}
