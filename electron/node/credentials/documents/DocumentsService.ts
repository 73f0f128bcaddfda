import { injectable, type AgentContext } from '@credo-ts/core'
import { eq } from 'drizzle-orm'

import type { DocumentContent } from '../../../../shared/api'
import { CustosError, DocumentMismatchError, DocumentTooLargeError } from '../../../../shared/errors'
import { appDatabaseOf } from '../../db'
import { sha256Sri, type BoundDocument } from './documentReference'
import { DocumentsConfig } from './DocumentsConfig'
import { documents } from './documentsTable'

/**
 * The documents bound to held credentials. Each is checked against the digest in its credential when it
 * arrives and again whenever it is read, so what leaves the node is what the issuer signed.
 */
@injectable()
export class DocumentsService {
  /** Throws a typed error when `bytes` is not the document `bound` names, or is over the limit. */
  check(agentContext: AgentContext, bound: BoundDocument, bytes: Uint8Array): void {
    const limit = agentContext.dependencyManager.resolve(DocumentsConfig).maxDocumentBytes
    if (bytes.byteLength > limit) throw new DocumentTooLargeError(bytes.byteLength, limit)
    if (sha256Sri(bytes) !== bound.digestSRI) throw new DocumentMismatchError(`Document ${bound.attachmentId}`)
  }

  /** Keeps a checked document; the same digest twice is the same bytes, so it is kept once. */
  save(agentContext: AgentContext, bound: BoundDocument, bytes: Uint8Array): void {
    this.check(agentContext, bound, bytes)
    appDatabaseOf(agentContext)
      .insert(documents)
      .values({
        digestSri: bound.digestSRI,
        mediaType: bound.mediaType,
        name: bound.name ?? null,
        size: bytes.byteLength,
        bytes: Buffer.from(bytes),
        storedAt: new Date().toISOString(),
      })
      .onConflictDoNothing()
      .run()
  }

  has(agentContext: AgentContext, digestSRI: string): boolean {
    const db = appDatabaseOf(agentContext)
    return (
      db.select({ d: documents.digestSri }).from(documents).where(eq(documents.digestSri, digestSRI)).get() !==
      undefined
    )
  }

  /** The document, checked against its digest again. */
  load(agentContext: AgentContext, digestSRI: string): DocumentContent {
    const row = appDatabaseOf(agentContext).select().from(documents).where(eq(documents.digestSri, digestSRI)).get()
    if (!row) throw new CustosError('NotFound', `No document with digest ${digestSRI}.`)
    if (sha256Sri(row.bytes) !== digestSRI) throw new DocumentMismatchError(`The stored document ${digestSRI}`)
    return {
      digestSRI,
      mediaType: row.mediaType,
      ...(row.name ? { name: row.name } : {}),
      size: row.size,
      base64: row.bytes.toString('base64'),
    }
  }
}
