import { vcLibraries, type AgentContext } from '@credo-ts/core'

import { offlineDocumentLoader } from './offlineDocumentLoader'

interface Typed {
  '@context'?: unknown
  type?: unknown
}

/**
 * Each type a credential writes with the full IRI its contexts expand it to (e.g. `PermanentResidentCard`
 * with `https://w3id.org/citizenship#PermanentResidentCard`). Expansion uses the bundled contexts only;
 * a credential they cannot expand has no pairs.
 */
export async function expandedTypePairs(agentContext: AgentContext, credential: Typed): Promise<[string, string][]> {
  const short = [credential.type].flat().filter((type): type is string => typeof type === 'string')
  const pairs: [string, string][] = []
  for (const type of short) {
    try {
      const expanded = (await vcLibraries.jsonld.expand(
        { '@context': credential['@context'], type },
        { documentLoader: offlineDocumentLoader(agentContext), safe: true },
      )) as { '@type'?: string[] }[]
      const iri = expanded[0]?.['@type']?.[0]
      if (iri) pairs.push([type, iri])
    } catch {
      // A type its contexts do not define is only known by its short name.
    }
  }
  return pairs
}

/** A credential's types as it writes them and as its contexts expand them, so a list may name either. */
export async function credentialTypes(agentContext: AgentContext, credential: Typed): Promise<string[]> {
  const short = [credential.type].flat().filter((type): type is string => typeof type === 'string')
  const pairs = await expandedTypePairs(agentContext, credential)
  return [...new Set([...short, ...pairs.map(([, iri]) => iri)])]
}
