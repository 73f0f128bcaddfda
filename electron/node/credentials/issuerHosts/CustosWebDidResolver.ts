import {
  DidDocument,
  JsonTransformer,
  type AgentContext,
  type DidResolutionResult,
  type DidResolver,
  type ParsedDid,
} from '@credo-ts/core'

import { didWebUrl } from './didWebUrl'
import { fetchFromIssuerHost, IssuerHostError, type IssuerHostsOptions } from './fetchFromIssuerHost'

/**
 * did:web from the DID's own host only, over TLS checked against the system's authorities and those the
 * node was given. Credo's WebDidResolver (web-did-resolver over cross-fetch) takes no CA list, no
 * timeout and no size limit, and returns a document whose id is another DID (with an error Credo's
 * resolveDidDocument ignores); so this one is by hand. Not cached: a refused credential leaves nothing.
 */
export class CustosWebDidResolver implements DidResolver {
  readonly supportedMethods = ['web']
  readonly allowsCaching = false
  // An agent that created its own did:web (a company in the demo) reads it from its record.
  readonly allowsLocalDidRecord = true

  constructor(private readonly options: IssuerHostsOptions = {}) {}

  async resolve(_agentContext: AgentContext, did: string, _parsed: ParsedDid): Promise<DidResolutionResult> {
    try {
      const url = didWebUrl(did)
      const bytes = await fetchFromIssuerHost(url, this.options)
      let json: { id?: unknown }
      try {
        json = JSON.parse(bytes.toString('utf8')) as { id?: unknown }
      } catch {
        throw new IssuerHostError(`${url.href} is not JSON`)
      }
      if (json.id !== did) {
        throw new IssuerHostError(`${url.href} is the document of ${String(json.id)}, not of ${did}`)
      }
      const didDocument = JsonTransformer.fromJSON(json, DidDocument)
      return { didDocument, didDocumentMetadata: {}, didResolutionMetadata: { contentType: 'application/did+json' } }
    } catch (error) {
      return {
        didDocument: null,
        didDocumentMetadata: {},
        didResolutionMetadata: { error: 'notFound', message: (error as Error).message },
      }
    }
  }
}
