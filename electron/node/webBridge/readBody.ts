import type { IncomingMessage } from 'node:http'

/** Large enough for the largest contract input (a 256 KiB invitation link, a 64 KiB value) as JSON. */
export const MAX_BODY_BYTES = 1024 * 1024

export class BodyTooLargeError extends Error {}

/** The request body as text, refusing more than `limit` bytes without buffering the rest. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) return reject(new BodyTooLargeError())
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Past the limit the rest is drained unkept, so the 413 still reaches the caller.
      if (size > limit) return reject(new BodyTooLargeError())
      chunks.push(chunk)
    })
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.once('error', reject)
  })
}
