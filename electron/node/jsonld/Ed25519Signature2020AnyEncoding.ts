import { Ed25519Signature2020 } from '@credo-ts/core'

const ED25519_2018_KEY = 'Ed25519VerificationKey2018'
const ED25519_2018_CONTEXT = 'https://w3id.org/security/suites/ed25519-2018/v1'

type MethodNode = { type?: unknown; '@context'?: unknown; revoked?: unknown }

/**
 * Credo's Ed25519Signature2020, also accepting the issuer's key when its DID document writes it as an
 * Ed25519VerificationKey2018. Credo 0.6.3 resolves every Ed25519 did:key to that 2018 form, and its
 * 2020 suite only takes a 2020 key, so every 2020 proof by a did:key issuer failed ("Verification
 * error(s)") although the key is the same 32 bytes either way (Digital Bazaar's did:key driver and
 * ACA-Py write it as 2020). Credo's 2018 suite already takes both encodings; this is the converse.
 */
export class Ed25519Signature2020AnyEncoding extends Ed25519Signature2020 {
  override async assertVerificationMethod(document: Record<string, unknown>): Promise<void> {
    const method = document as MethodNode
    const contexts = [method['@context']].flat()
    if (method.type === ED25519_2018_KEY && contexts.includes(ED25519_2018_CONTEXT)) {
      if (method.revoked !== undefined) throw new Error('The verification method has been revoked.')
      return
    }
    await super.assertVerificationMethod(document)
  }
}
