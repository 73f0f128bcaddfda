import { vcLibraries, type AgentContext } from '@credo-ts/core'

import { offlineDocumentLoader } from './offlineDocumentLoader'

interface Typed {
  '@context'?: unknown
  type?: unknown
}

/**
 * A credential's types as it writes them and as its contexts expand them (full IRIs, e.g.
 * `https://w3id.org/citizenship#PermanentResidentCard`), so a request or a trust list may name either.
 * Expansion uses the bundled contexts only; a credential they cannot expand keeps its short types.
 */
export async function credentialTypes(agentContext: AgentContext, credential: Typed): Promise<string[]> {
  const short = [credential.type].flat().filter((type): type is string => typeof type === 'string')
  try {
    const expanded = (await vcLibraries.jsonld.expand(
      { '@context': credential['@context'], type: short },
      { documentLoader: offlineDocumentLoader(agentContext), safe: true },
    )) as { '@type'?: string[] }[]
    return [...new Set([...short, ...(expanded[0]?.['@type'] ?? [])])]
  } catch {
    return short
  }
}
