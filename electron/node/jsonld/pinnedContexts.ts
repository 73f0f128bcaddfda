import { createHash } from 'node:crypto'

import { type GenericRecord, GenericRecordsApi, type AgentContext } from '@credo-ts/core'

import type { JsonLdDocument } from './bundledContexts'

/** A context the person let the node fetch once from an issuer's own host, kept by its digest. */
export interface PinnedContext {
  url: string
  /** SHA-256 (hex) of the bytes as fetched: what the node holds it to from then on. */
  sha256: string
  /** The issuer's host it came from, and the issuer whose offer named it. */
  fetchedFrom: string
  issuer: string
  pinnedAt: string
}

/** A pinned context whose content is not the one pinned: the stored copy changed, or the host now serves another. */
export class PinnedContextChangedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PinnedContextChangedError'
  }
}

const TAG = 'custosPinnedContext'

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

// In Askar with the credentials it explains (a GenericRecord: no table, no migration), tagged by URL.
async function recordOf(agentContext: AgentContext, url: string): Promise<GenericRecord | undefined> {
  const records = agentContext.dependencyManager.resolve(GenericRecordsApi)
  return (await records.findAllByQuery({ [TAG]: url }))[0]
}

/** The pinned copy of `url` with its bytes, once its digest still holds; undefined when none was pinned. */
export async function findPinnedContext(
  agentContext: AgentContext,
  url: string,
): Promise<{ pin: PinnedContext; bytes: Buffer; document: JsonLdDocument } | undefined> {
  const record = await recordOf(agentContext, url)
  if (!record) return undefined
  const { base64, ...pin } = record.content as unknown as PinnedContext & { base64: string }
  const bytes = Buffer.from(base64, 'base64')
  if (sha256Hex(bytes) !== pin.sha256) {
    throw new PinnedContextChangedError(
      `The JSON-LD context ${url}, pinned on ${pin.pinnedAt}, is no longer the content it was pinned with.`,
    )
  }
  return { pin, bytes, document: JSON.parse(bytes.toString('utf8')) as JsonLdDocument }
}

/**
 * Keeps `bytes` as the one content of `url`. Pinning the same content again changes nothing; other content
 * for a pinned URL is refused in words, and the pinned copy stays.
 */
export async function pinContext(
  agentContext: AgentContext,
  url: string,
  bytes: Buffer,
  from: Pick<PinnedContext, 'fetchedFrom' | 'issuer'>,
): Promise<PinnedContext> {
  const sha256 = sha256Hex(bytes)
  const existing = await findPinnedContext(agentContext, url)
  if (existing && existing.pin.sha256 !== sha256) {
    throw new PinnedContextChangedError(
      `${from.fetchedFrom} now serves other content for the JSON-LD context ${url} than the one pinned on ${existing.pin.pinnedAt} (SHA-256 ${existing.pin.sha256.slice(0, 16)}…); the pinned one is kept.`,
    )
  }
  if (existing) return existing.pin
  const pin: PinnedContext = { url, sha256, ...from, pinnedAt: new Date().toISOString() }
  const records = agentContext.dependencyManager.resolve(GenericRecordsApi)
  await records.save({ content: { ...pin, base64: bytes.toString('base64') }, tags: { [TAG]: url } })
  return pin
}
