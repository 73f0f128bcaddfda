import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'
// Vite bundles pdf.js's worker as a file of the app's own, so the CSP's 'self' covers it: no CDN, no blob.
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker'

export type { PDFDocumentProxy }

/** A document pdf.js could not read, in words a person understands. */
export class DocumentUnreadable extends Error {
  readonly code = 'DocumentUnreadable'
  /** `checked`: the node had read the bytes and found them as the issuer signed them. */
  constructor(reason: string, checked = true) {
    const still = checked ? ' Its signed digest still matched; you can still share it.' : ''
    super(`This document cannot be shown: ${reason}.${still}`)
  }
}

let worker: Worker | undefined

// One worker for the page's life: pdf.js hands it each document in turn.
function workerPort(): Worker {
  worker ??= new PdfWorker()
  GlobalWorkerOptions.workerPort = worker
  return worker
}

/**
 * Opens PDF bytes the node just checked against their signed digest. Nothing is fetched: no CMaps, no
 * standard font files (system fonts stand in), no WebAssembly (the CSP allows no wasm compile), no XFA.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  workerPort()
  const task = getDocument({
    data: bytes,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: true,
  })
  try {
    return await task.promise
  } catch (error) {
    const name = (error as { name?: string }).name
    if (name === 'PasswordException') throw new DocumentUnreadable('it is protected by a password')
    if (name === 'InvalidPDFException') throw new DocumentUnreadable('it is not a valid PDF file')
    throw new DocumentUnreadable(`the PDF reader stopped (${(error as Error).message})`)
  }
}

/** The base64 the API carries, as bytes. */
export function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
