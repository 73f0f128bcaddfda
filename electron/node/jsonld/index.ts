// JSON-LD without the network: the contexts the node knows are files under resources/jsonld.
import {
  Kms,
  SignatureSuiteToken,
  VERIFICATION_METHOD_TYPE_ED25519_VERIFICATION_KEY_2020,
  W3cCredentialsModule,
  type DependencyManager,
} from '@credo-ts/core'

import { Ed25519Signature2020AnyEncoding } from './Ed25519Signature2020AnyEncoding'
import { offlineDocumentLoader } from './offlineDocumentLoader'

export { bundledContexts, ContextDigestError, isBundledContext, type JsonLdDocument } from './bundledContexts'
export { offlineDocumentLoader, UnbundledDocumentError, type LoadedDocument } from './offlineDocumentLoader'

/**
 * Credo's W3C credentials module with the offline loader and an Ed25519Signature2020 that verifies
 * did:key issuers (see Ed25519Signature2020AnyEncoding); the node and the company agents both use it.
 */
class OfflineW3cCredentialsModule extends W3cCredentialsModule {
  override register(dependencyManager: DependencyManager): void {
    // Registered before Credo's own: the suite registry takes the first one registered for a proof type.
    dependencyManager.registerInstance(SignatureSuiteToken, {
      suiteClass: Ed25519Signature2020AnyEncoding,
      proofType: 'Ed25519Signature2020',
      verificationMethodTypes: [VERIFICATION_METHOD_TYPE_ED25519_VERIFICATION_KEY_2020],
      supportedPublicJwkTypes: [Kms.Ed25519PublicJwk],
    })
    super.register(dependencyManager)
  }
}

export function offlineW3cCredentialsModule(): W3cCredentialsModule {
  return new OfflineW3cCredentialsModule({ documentLoader: offlineDocumentLoader })
}
