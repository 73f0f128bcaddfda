import { DidResolverService, isDid, JsonTransformer, parseDid, type AgentContext } from '@credo-ts/core'

import { bundledContexts, type JsonLdDocument } from './bundledContexts'
import { didJwkForLinkedData, didJwkMethodContext } from './didJwkForLinkedData'
import { findPinnedContext } from './pinnedContexts'

export interface LoadedDocument {
  contextUrl: null
  documentUrl: string
  document: JsonLdDocument
}

/** A JSON-LD document the node would have to fetch from somewhere: refused, it fetches no context silently. */
export class UnbundledDocumentError extends Error {
  constructor(readonly url: string) {
    super(`The JSON-LD document ${url} is not bundled with Custos and is never fetched.`)
    this.name = 'UnbundledDocumentError'
  }
}

// DID methods whose documents are computed from the DID itself (or from records of our own
// connections), and did:web, which the node's resolver reads from the DID's own host only (the issuer
// check has fetched it already); ledger methods would need a ledger.
const LOCAL_DID_METHODS = new Set(['key', 'peer', 'jwk', 'web'])

/**
 * The document loader for Credo's W3cCredentialsModule: contexts from resources/jsonld or pinned, DIDs of the
 * methods above through Credo's resolver, anything else an error. Credo's default loader fetches unknown
 * URLs, which would let a credential make the node call out.
 */
export function offlineDocumentLoader(agentContext: AgentContext) {
  return async (url: string): Promise<LoadedDocument> => {
    const contexts = bundledContexts()
    const context = contexts.get(url) ?? contexts.get(url.split('#')[0])
    if (context) return { contextUrl: null, documentUrl: url, document: context }
    // A context the person let the node fetch once from the issuer's host, held to its digest.
    const pinned = url.startsWith('https://') ? await findPinnedContext(agentContext, url.split('#')[0]) : undefined
    if (pinned) return { contextUrl: null, documentUrl: url, document: pinned.document }
    if (isDid(url) && LOCAL_DID_METHODS.has(parseDid(url).method)) {
      return { contextUrl: null, documentUrl: url, document: await resolveDidUrl(agentContext, url) }
    }
    throw new UnbundledDocumentError(url)
  }
}

// A DID URL with a fragment names one verification method; the suites read it as its own node, with
// the DID document's context so its terms expand the same way.
async function resolveDidUrl(agentContext: AgentContext, url: string): Promise<JsonLdDocument> {
  const resolver = agentContext.dependencyManager.resolve(DidResolverService)
  const didDocument = await resolver.resolveDidDocument(agentContext, url.split('#')[0])
  const isJwk = parseDid(url).method === 'jwk'
  const json = didDocument.toJSON() as JsonLdDocument
  if (!url.includes('#')) return isJwk ? didJwkForLinkedData(json) : json
  const method = JsonTransformer.toJSON(didDocument.dereferenceKey(url)) as JsonLdDocument
  if (!isJwk) return { '@context': json['@context'], ...method }
  const encoded = didJwkForLinkedData(method)
  return { '@context': didJwkMethodContext(encoded, json['@context']), ...encoded }
}
