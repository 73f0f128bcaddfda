// JSON-LD without the network: the contexts the node knows are files under resources/jsonld.
import { W3cCredentialsModule } from '@credo-ts/core'

import { offlineDocumentLoader } from './offlineDocumentLoader'

export { bundledContexts, ContextDigestError, isBundledContext, type JsonLdDocument } from './bundledContexts'
export { offlineDocumentLoader, UnbundledDocumentError, type LoadedDocument } from './offlineDocumentLoader'

/** Credo's W3C credentials module with the offline loader; the node and the company agents both use it. */
export function offlineW3cCredentialsModule(): W3cCredentialsModule {
  return new W3cCredentialsModule({ documentLoader: offlineDocumentLoader })
}
