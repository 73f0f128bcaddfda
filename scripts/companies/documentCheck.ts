import { createHash } from 'node:crypto'

import type { DidCommAttachment } from '@credo-ts/didcomm'

import type { DisclosedCredential } from './presentationOutcome'

export interface ReceivedDocument {
  attachmentId: string
  name?: string
  size: number
  digestSRI: string
}

type Bound = { attachmentId?: unknown; digestSRI?: unknown; name?: unknown }

/**
 * The lender's check of the documents a presentation carries: every document a disclosed credential
 * binds must be attached, and its SHA-256 must be the digest the issuer signed. Returns what failed,
 * precisely, or the documents received.
 */
export function checkDocuments(
  credentials: DisclosedCredential[],
  attachments: DidCommAttachment[],
): { ok: true; documents: ReceivedDocument[] } | { ok: false; reason: string } {
  const documents: ReceivedDocument[] = []
  for (const credential of credentials) {
    const bound = credential.claims.document as Bound | undefined
    if (!bound || typeof bound.attachmentId !== 'string' || typeof bound.digestSRI !== 'string') continue
    const attachment = attachments.find((candidate) => candidate.id === bound.attachmentId)
    const base64 = attachment?.data.base64
    if (typeof base64 !== 'string') {
      return { ok: false, reason: `document ${bound.attachmentId} of ${credential.issuer} was not attached` }
    }
    const bytes = Buffer.from(base64, 'base64')
    const digest = `sha256-${createHash('sha256').update(bytes).digest('base64')}`
    if (digest !== bound.digestSRI) {
      return {
        ok: false,
        reason: `document ${bound.attachmentId}: its SHA-256 ${digest} is not the ${bound.digestSRI} signed by ${credential.issuer}`,
      }
    }
    const name = typeof bound.name === 'string' ? bound.name : undefined
    documents.push({ attachmentId: bound.attachmentId, name, size: bytes.byteLength, digestSRI: digest })
  }
  return { ok: true, documents }
}
