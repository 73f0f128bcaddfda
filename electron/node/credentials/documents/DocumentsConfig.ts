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
