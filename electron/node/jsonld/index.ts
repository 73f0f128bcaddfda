// JSON-LD without the network: the contexts the node knows are files under resources/jsonld.
import { SignatureSuiteRegistry, W3cCredentialsModule, type DependencyManager } from '@credo-ts/core'

import { CustosSignatureSuiteRegistry } from './CustosSignatureSuiteRegistry'
import { offlineDocumentLoader } from './offlineDocumentLoader'

export {
  bundledContextBytes,
  bundledContexts,
  ContextDigestError,
  isBundledContext,
  type JsonLdDocument,
} from './bundledContexts'
export {
  findPinnedContext,
  pinContext,
  PinnedContextChangedError,
  sha256Hex,
  type PinnedContext,
} from './pinnedContexts'
export { offlineDocumentLoader, UnbundledDocumentError, type LoadedDocument } from './offlineDocumentLoader'

/**
 * Credo's W3C credentials module with the offline loader and an Ed25519Signature2020 that verifies
 * did:key issuers (see Ed25519Signature2020AnyEncoding); the node and the company agents both use it.
 */
class OfflineW3cCredentialsModule extends W3cCredentialsModule {
  override register(dependencyManager: DependencyManager): void {
    super.register(dependencyManager)
    dependencyManager.registerSingleton(SignatureSuiteRegistry, CustosSignatureSuiteRegistry)
  }
}

export function offlineW3cCredentialsModule(): W3cCredentialsModule {
  return new OfflineW3cCredentialsModule({ documentLoader: offlineDocumentLoader })
}

export { credentialTypes, expandedTypePairs } from './credentialTypes'
