import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

import { DidCommTransportService } from '@credo-ts/didcomm'
import type { RawData, WebSocket, WebSocketServer } from 'ws'

import { checkEnvelope } from './envelope'
import { logRefusal, type InboundContext } from './InboundContext'
import { receiveEnvelope } from './receiveEnvelope'
import { WsSession } from './sessions'
import { SpoolQuotaExceededError, type SpoolEntry } from './spool'
import { CLOSE_REASON, WS_CLOSE, closeWith } from './wsClose'

export { WS_CLOSE } from './wsClose'

/** Upgrades a request to a WebSocket, or answers it with a plain HTTP refusal. */
export function handleUpgrade(
  context: InboundContext,
  wss: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
) {
  const remote = req.socket.remoteAddress ?? 'unknown'
  const refuse = (status: number, reason: string, extra = '', log = true) => {
    if (log) logRefusal(context, 'http', status, remote, `upgrade refused: ${reason}`)
    const response = `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n${extra}\r\n`
    socket.end(response, () => socket.destroy())
  }
  const rate = context.limiter.take(remote)
  if (!rate.allowed)
    return refuse(429, 'Too Many Requests', `Retry-After: ${rate.retryAfterSeconds}\r\n`, rate.firstRefusal)
  const origin = req.headers.origin
  if (origin !== undefined && !context.options.allowedOrigins.includes(origin)) return refuse(403, 'Forbidden')
  if (!context.acceptsHost(req.headers.host)) return refuse(403, 'Forbidden')
  if ((req.url ?? '/').split('?')[0] !== '/') return refuse(404, 'Not Found')
  const release = context.sockets.take(remote)
  if (!release) return refuse(429, 'Too Many Requests', 'Retry-After: 30\r\n')
  wss.handleUpgrade(req, socket, head, (ws) => {
    // With noServer, ws leaves emitting 'connection' to the caller; the heartbeat listens for it.
    wss.emit('connection', ws, req)
    ws.once('close', release)
    attachSocket(context, ws, remote)
  })
}

function attachSocket(context: InboundContext, ws: WebSocket, remote: string) {
  const session = new WsSession(ws)
  const refuse = (code: number, reason: keyof typeof CLOSE_REASON) => {
    // Later frames of a socket already being closed were refused with it; one line per socket.
    if (ws.readyState !== ws.OPEN) return
    logRefusal(context, 'ws', code, remote, CLOSE_REASON[reason])
    closeWith(ws, code, reason)
  }
  // Only while Credo still holds this session: a removal it already announced is not announced twice.
  const forget = () => {
    const transport = context.agent()?.dependencyManager.resolve(DidCommTransportService)
    if (transport?.findSessionById(session.id) === session) transport.removeSession(session)
  }
  // One socket's messages are processed strictly in arrival order: a sender's back-to-back messages
  // (a pickup batch, a flow's steps) must not overtake each other.
  let chain: Promise<void> = Promise.resolve()
  ws.on('message', (data: RawData) => {
    if (ws.readyState !== ws.OPEN) return
    const rate = context.limiter.take(remote)
    if (!rate.allowed) return refuse(WS_CLOSE.policy, 'rateLimited')
    const text = rawToString(data)
    // The frame is already in memory (ws caps it at the message limit); what parsing and processing
    // would add counts against the same cap on bodies in flight as HTTP.
    const releaseBytes = context.bodies.take(Buffer.byteLength(text))
    if (!releaseBytes) return refuse(WS_CLOSE.tryAgainLater, 'busy')
    const envelope = checkEnvelope(text)
    if (!envelope.ok) {
      releaseBytes()
      return refuse(WS_CLOSE.malformed, 'notEnvelope')
    }
    chain = chain
      .then(async () => {
        const agent = context.agent()
        const inline = agent !== undefined && !context.drainer.busy
        let entry: SpoolEntry
        try {
          entry = await context.spool.append(remote, text, inline)
        } catch (error) {
          if (error instanceof SpoolQuotaExceededError) return refuse(WS_CLOSE.policy, 'rateLimited')
          throw error
        }
        // Kept on disk. Processed here, with this socket as its return route, unless the store is locked
        // or a backlog is being worked off; then it waits its turn in the spool.
        if (!agent || !inline) return context.drainer.kick()
        try {
          const outcome = await receiveEnvelope(agent, envelope.message, context.seen, { session })
          if (outcome.kind === 'refused') {
            context.spool.remove(entry)
            return refuse(WS_CLOSE.malformed, 'refused')
          }
          if (outcome.kind === 'failedAfterAccept') {
            context.logger.warn(`inbound ws from ${remote}: accepted, then processing failed (${outcome.error})`)
            context.spool.deadLetter(entry, `failed: ${outcome.error}`, true)
          } else context.spool.remove(entry)
        } finally {
          context.spool.unclaim(entry)
          // A message already in line when the socket closed is processed after the close, and Credo then
          // saves its session again: kept, the closed socket would stay a route to that connection, and a
          // household member whose laptop died would show as reachable until the household node restarts.
          if (ws.readyState !== ws.OPEN) forget()
        }
      })
      .catch((error: unknown) => {
        // Nothing on the inbound path may end the process; a failure here ends this socket only.
        context.logger.error('inbound ws handler failed', { error })
        refuse(WS_CLOSE.internal, 'internal')
      })
      .finally(releaseBytes)
  })
  // ws has already closed the socket with the matching code (1009 for too big, 1007 for bad UTF-8).
  ws.on('error', (error: Error & { code?: string }) => {
    logRefusal(context, 'ws', wsErrorCode(error.code), remote, `protocol error ${String(error.code ?? error.name)}`)
  })
  ws.on('close', forget)
}

function wsErrorCode(code: string | undefined): number {
  if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return WS_CLOSE.tooBig
  if (code === 'WS_ERR_INVALID_UTF8') return WS_CLOSE.malformed
  return 1002
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return (Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data))).toString('utf8')
}
