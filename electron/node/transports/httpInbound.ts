import type { IncomingMessage, ServerResponse } from 'node:http'

import { DidCommTransportService } from '@credo-ts/didcomm'

import { checkEnvelope } from './envelope'
import { ACCEPTED_CONTENT_TYPES, logRefusal, type InboundContext } from './InboundContext'
import { receiveEnvelope } from './receiveEnvelope'
import { HttpSession } from './sessions'
import { SpoolQuotaExceededError, type SpoolEntry } from './spool'

// Well within the 30 s a whole request may take (the server's requestTimeout).
const WAIT_FOR_ROOM_MS = 10_000

type Body = { kind: 'complete'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' }

/** Answers one HTTP request to the DIDComm endpoint. Every path ends in exactly one response. */
export async function handleHttpRequest(context: InboundContext, req: IncomingMessage, res: ServerResponse) {
  const remote = req.socket.remoteAddress ?? 'unknown'
  const limit = context.options.maxMessageBytes
  // Every refusal before the body is read leaves it unread: what still arrives is thrown away (the socket
  // stays open while it comes, so the sender reads the answer instead of a reset; see stopReading).
  const refuse = (status: number, reason: string, headers: Record<string, string> = {}, log = true) => {
    if (log) logRefusal(context, 'http', status, remote, reason)
    stopReading(req, limit)
    if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(reason)
  }

  // A web page can reach a loopback node (DNS rebinding, or a plain form post); DIDComm agents send
  // no Origin and use the address they were given.
  const origin = req.headers.origin
  if (origin !== undefined && !context.options.allowedOrigins.includes(origin))
    return refuse(403, 'requests from web pages are refused')
  if (!context.acceptsHost(req.headers.host)) return refuse(403, 'not addressed to this node')
  const rate = context.limiter.take(remote)
  if (!rate.allowed) {
    const retryAfter = { 'Retry-After': String(rate.retryAfterSeconds) }
    return refuse(429, 'too many requests', retryAfter, rate.firstRefusal)
  }
  if (req.method !== 'POST') return refuse(405, 'only POST is accepted', { Allow: 'POST' })
  if (pathOf(req.url) !== '/') return refuse(404, 'no DIDComm endpoint at this path')
  const contentType = mediaType(req.headers['content-type'])
  if (!ACCEPTED_CONTENT_TYPES.some((accepted) => accepted === contentType)) {
    return refuse(415, `unsupported content type; use one of ${ACCEPTED_CONTENT_TYPES.join(', ')}`)
  }
  // Judged by its declared length before a byte of the body is read; a body without one counts as the largest.
  const declared = req.headers['content-length'] === undefined ? limit : Number(req.headers['content-length'])
  if (declared > limit) return refuse(413, `message larger than ${limit} bytes`)
  // A sender whose quota is spent is told so before its body is read, not after.
  if (!context.spool.fits(remote, 1, declared))
    return refuse(429, 'too many messages waiting from this address', { 'Retry-After': '30' })
  // Waits for room unread (the socket's own buffers hold what the sender already sent), then gives up.
  const releaseBytes = await context.bodies.acquire(declared, WAIT_FOR_ROOM_MS)
  if (!releaseBytes) return refuse(503, 'busy with other large messages', { 'Retry-After': '5' })
  try {
    await receiveHttp(context, req, res, contentType, refuse)
  } finally {
    releaseBytes()
  }
}

type Refuse = (status: number, reason: string, headers?: Record<string, string>) => void

async function receiveHttp(
  context: InboundContext,
  req: IncomingMessage,
  res: ServerResponse,
  contentType: string,
  refuse: Refuse,
) {
  const remote = req.socket.remoteAddress ?? 'unknown'
  const limit = context.options.maxMessageBytes
  const length = req.headers['content-length'] === undefined ? undefined : Number(req.headers['content-length'])
  const body = await readBody(req, limit, length)
  if (body.kind === 'too-large') return refuse(413, `message larger than ${limit} bytes`, { Connection: 'close' })
  if (body.kind === 'aborted') return logRefusal(context, 'http', 499, remote, 'client went away mid-request')

  const text = body.bytes.toString('utf8')
  const envelope = checkEnvelope(text)
  if (!envelope.ok) return refuse(400, `not a DIDComm envelope: ${envelope.reason}`)
  const agent = context.agent()
  const release = agent && !context.drainer.busy ? context.inFlight.take(remote) : undefined
  let entry: SpoolEntry
  try {
    entry = await context.spool.append(remote, body.bytes, release !== undefined)
  } catch (error) {
    release?.()
    if (!(error instanceof SpoolQuotaExceededError)) throw error
    return refuse(429, 'too many messages waiting from this address', { 'Retry-After': '30' })
  }
  // Kept on disk: from here on the sender may be told it was delivered. It is processed now, with this
  // request as a possible return route, unless the store is locked, a backlog is being worked off (this
  // message must wait its turn) or the node is at its limit of messages in processing.
  if (!agent || !release) {
    res.writeHead(202).end()
    return context.drainer.kick()
  }
  try {
    const session = new HttpSession(res, contentType)
    const transportService = agent.dependencyManager.resolve(DidCommTransportService)
    res.once('close', () => transportService.removeSession(session))
    const outcome = await receiveEnvelope(agent, envelope.message, context.seen, { session })
    if (outcome.kind === 'refused') {
      context.spool.remove(entry)
      // Fixed texts only: the error behind a refusal may quote what the sender chose.
      return refuse(422, `message refused: ${outcome.reason}`)
    }
    if (outcome.kind === 'failedAfterAccept') {
      context.logger.warn(`inbound http from ${remote}: accepted, then processing failed (${outcome.error})`)
      context.spool.deadLetter(entry, `failed: ${outcome.error}`, true)
    } else context.spool.remove(entry)
    session.finish()
  } finally {
    // Not removed (an unexpected error): the drainer takes it up again.
    context.spool.unclaim(entry)
    release()
  }
}

// Read into one buffer of the declared length: no chunk list and no second copy to join them.
function readBody(req: IncomingMessage, limit: number, declared?: number): Promise<Body> {
  return new Promise((resolve) => {
    const whole = declared === undefined ? undefined : Buffer.allocUnsafe(declared)
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (body: Body) => {
      if (settled) return
      settled = true
      resolve(body)
    }
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      if (size + chunk.length > (whole?.length ?? limit)) return settle({ kind: 'too-large' })
      if (whole) chunk.copy(whole, size)
      else chunks.push(chunk)
      size += chunk.length
    })
    req.once('end', () => settle({ kind: 'complete', bytes: whole ? whole.subarray(0, size) : Buffer.concat(chunks) }))
    req.once('error', () => settle({ kind: 'aborted' }))
    req.once('close', () => settle({ kind: 'aborted' }))
  })
}

// The answer is already decided; what is still in flight is thrown away, and a sender that keeps
// going long past the limit loses its connection rather than our bandwidth.
function stopReading(req: IncomingMessage, limit: number) {
  if (req.complete) return
  let discarded = 0
  req.removeAllListeners('data')
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > 4 * limit) req.socket.destroy()
  })
}

function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0] || '/'
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase()
}
