import type { IncomingMessage, ServerResponse } from 'node:http'

import { DidCommTransportService } from '@credo-ts/didcomm'

import { checkEnvelope } from './envelope'
import { ACCEPTED_CONTENT_TYPES, logRefusal, type InboundContext } from './InboundContext'
import { receiveEnvelope } from './receiveEnvelope'
import { HttpSession } from './sessions'
import { SpoolQuotaExceededError, type SpoolEntry } from './spool'

type Body = { kind: 'complete'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' }

/** Answers one HTTP request to the DIDComm endpoint. Every path ends in exactly one response. */
export async function handleHttpRequest(context: InboundContext, req: IncomingMessage, res: ServerResponse) {
  const remote = req.socket.remoteAddress ?? 'unknown'
  const refuse = (status: number, reason: string, headers: Record<string, string> = {}, log = true) => {
    if (log) logRefusal(context, 'http', status, remote, reason)
    if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end(reason)
  }

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
  await receiveHttp(context, req, res, contentType, refuse)
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
  const declared = Number(req.headers['content-length'] ?? 0)
  const body = declared > limit ? ({ kind: 'too-large' } as const) : await readBody(req, limit)
  if (body.kind === 'too-large') {
    stopReading(req, limit)
    return refuse(413, `message larger than ${limit} bytes`, { Connection: 'close' })
  }
  if (body.kind === 'aborted') return logRefusal(context, 'http', 499, remote, 'client went away mid-request')

  const text = body.bytes.toString('utf8')
  const envelope = checkEnvelope(text)
  if (!envelope.ok) return refuse(400, `not a DIDComm envelope: ${envelope.reason}`)
  const agent = context.agent()
  const release = agent && !context.drainer.busy ? context.inFlight.take(remote) : undefined
  let entry: SpoolEntry
  try {
    entry = await context.spool.append(remote, text, release !== undefined)
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
      context.spool.deadLetter(entry, `failed: ${outcome.error}`)
    } else context.spool.remove(entry)
    session.finish()
  } finally {
    // Not removed (an unexpected error): the drainer takes it up again.
    context.spool.unclaim(entry)
    release()
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve) => {
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
      size += chunk.length
      if (size > limit) return settle({ kind: 'too-large' })
      chunks.push(chunk)
    })
    req.once('end', () => settle({ kind: 'complete', bytes: Buffer.concat(chunks) }))
    req.once('error', () => settle({ kind: 'aborted' }))
    req.once('close', () => settle({ kind: 'aborted' }))
  })
}

// The answer is already decided; what is still in flight is thrown away, and a sender that keeps
// going long past the limit loses its connection rather than our bandwidth.
function stopReading(req: IncomingMessage, limit: number) {
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
