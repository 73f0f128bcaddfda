import { createHash } from 'node:crypto'

import type { AgentContext } from '@credo-ts/core'

import { bundledContextBytes, findPinnedContext, isBundledContext, PinnedContextChangedError } from '../jsonld'
import { CredentialRefusal } from './CredentialRefusal'
import { didWebUrl } from './issuerHosts'

interface WithContexts {
  '@context'?: unknown
  relatedResource?: unknown
}

/**
 * The credential's contexts that are neither bundled nor pinned. A context given inline, or a pinned copy
 * whose digest no longer holds, is refused in words.
 */
export async function contextsNotHeld(agentContext: AgentContext, credential: WithContexts): Promise<string[]> {
  const contexts = [credential['@context']].flat()
  const inline = contexts.filter((context) => typeof context !== 'string')
  if (contexts.length === 0 || inline.length > 0) {
    throw new CredentialRefusal(
      `Unknown JSON-LD context: ${inline.map((c) => JSON.stringify(c)).join(', ') || 'none'}; Custos takes contexts by URL only.`.slice(
        0,
        500,
      ),
    )
  }
  const unknown: string[] = []
  for (const url of contexts as string[]) {
    if (isBundledContext(url)) continue
    try {
      if (!(await findPinnedContext(agentContext, url))) unknown.push(url)
    } catch (error) {
      if (error instanceof PinnedContextChangedError) throw new CredentialRefusal(error.message)
      throw error
    }
  }
  return unknown
}

/** The issuer's own host (https origin) when its DID is a did:web; other methods name no host. */
export function issuerOrigin(issuer: string): string | undefined {
  if (!issuer.startsWith('did:web:')) return undefined
  try {
    return didWebUrl(issuer).origin
  } catch {
    return undefined
  }
}

/** Why the node would not fetch `url` for `issuer`, or undefined when it may (once, if the person lets it). */
export function whyNotFetchable(url: string, issuer: string): string | undefined {
  const origin = issuerOrigin(issuer)
  if (!origin) return `the issuer ${issuer} has no host of its own (only a did:web has one)`
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return 'it is not a URL'
  }
  if (target.origin !== origin || target.protocol !== 'https:') {
    return `it is not on the issuer's own host ${origin}, and Custos fetches contexts from nowhere else`
  }
  return undefined
}

function digestOf(digestSRI: string, bytes: Uint8Array): { matches: boolean } | undefined {
  const match = /^(sha256|sha384|sha512)-([A-Za-z0-9+/=]+)$/.exec(digestSRI)
  if (!match) return undefined
  return { matches: createHash(match[1]).update(bytes).digest('base64') === match[2] }
}

/**
 * A credential may name its contexts' digests (VC 2.0 `relatedResource` with `digestSRI`). A context whose
 * copy here (bundled, pinned or just fetched) has another digest is refused: the issuer signed other terms.
 */
export async function checkNamedDigests(
  agentContext: AgentContext,
  credential: WithContexts,
  fetched: Map<string, Uint8Array> = new Map(),
): Promise<void> {
  const contexts = new Set([credential['@context']].flat())
  for (const resource of [credential.relatedResource ?? []].flat() as { id?: unknown; digestSRI?: unknown }[]) {
    if (typeof resource?.id !== 'string' || !contexts.has(resource.id) || typeof resource.digestSRI !== 'string')
      continue
    const url = resource.id
    const bytes = fetched.get(url) ?? bundledContextBytes(url) ?? (await findPinnedContext(agentContext, url))?.bytes
    if (!bytes) continue
    const digest = digestOf(resource.digestSRI, bytes)
    if (!digest)
      throw new CredentialRefusal(`The digest ${resource.digestSRI} of context ${url} is not one Custos reads.`)
    if (!digest.matches) {
      const copy = fetched.has(url)
        ? 'what the issuer’s host serves'
        : isBundledContext(url)
          ? 'the copy Custos ships'
          : 'the copy pinned here'
      throw new CredentialRefusal(
        `The context ${url} has changed: the credential names the digest ${resource.digestSRI}, and ${copy} has another.`,
      )
    }
  }
}
