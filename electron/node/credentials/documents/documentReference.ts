import { createHash } from 'node:crypto'

import type { DocumentReference } from '../../../../shared/api'

/**
 * How a credential names its document: `credentialSubject.document` with the SHA-256 digest in
 * Subresource Integrity form, the media type, and the id of the DIDComm attachment it travels in.
 */
export interface BoundDocument extends DocumentReference {
  attachmentId: string
}

export function sha256Sri(bytes: Uint8Array): string {
  return `sha256-${createHash('sha256').update(bytes).digest('base64')}`
}

function isBound(value: unknown): value is BoundDocument {
  if (!value || typeof value !== 'object') return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.digestSRI === 'string' &&
    candidate.digestSRI.startsWith('sha256-') &&
    typeof candidate.mediaType === 'string' &&
    typeof candidate.attachmentId === 'string'
  )
}

/** The documents a credential's subject binds (none for most credentials). */
export function boundDocuments(credential: unknown): BoundDocument[] {
  const subject = (credential as { credentialSubject?: unknown } | undefined)?.credentialSubject
  return [subject]
    .flat()
    .map((entry) => (entry as { document?: unknown } | undefined)?.document)
    .filter(isBound)
}

export function toReference({ digestSRI, mediaType, name }: BoundDocument): DocumentReference {
  return name ? { digestSRI, mediaType, name } : { digestSRI, mediaType }
}
