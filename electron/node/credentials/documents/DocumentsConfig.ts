/** 20 MiB: a long statement with scans stays under it; anything larger is refused with DocumentTooLarge. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

export interface DocumentsOptions {
  maxDocumentBytes?: number
}

export class DocumentsConfig {
  readonly maxDocumentBytes: number

  constructor(options: DocumentsOptions = {}) {
    this.maxDocumentBytes = options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES
  }
}

/**
 * The inbound message size a document of `documentBytes` needs: base64 in the DIDComm message (4/3),
 * base64url again as the envelope's ciphertext (4/3), and room for the rest of the message.
 */
export function messageBytesForDocument(documentBytes: number): number {
  return Math.ceil((documentBytes * 16) / 9) + 1024 * 1024
}
