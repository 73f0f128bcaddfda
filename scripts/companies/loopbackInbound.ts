import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { CredoError, EventEmitter, type AgentContext } from '@credo-ts/core'
import {
  DidCommEventTypes,
  DidCommMessageReceiver,
  DidCommTransportService,
  type DidCommEncryptedMessage,
  type DidCommInboundTransport,
  type DidCommMessageProcessedEvent,
  type DidCommMessageReceivedEvent,
  type DidCommTransportSession,
} from '@credo-ts/didcomm'

// A presentation carries statement PDFs inline: room for a few at the node's 20 MiB limit each.
const MAX_BODY = 128 * 1024 * 1024
// As Credo's own HTTP inbound transport: an answer that never comes is a 500 after this long.
const PROCESSED_TIMEOUT_MS = 10_000

export interface LoopbackHttpInboundOptions {
  /** Sees every message body as it arrived (tests measure what a company received on the wire). */
  tap?: (body: Buffer) => void
  /**
   * As Credo's own HTTP inbound transport (@credo-ts/node, 0.5 and 0.6): each message goes through the
   * agent's inbound queue, which processes one at a time in arrival order, and the answer comes once the
   * agent has taken it (a 200 after decrypting, or its reply when the sender asked for a return route). A
   * sender that waits for each answer, as a mediator delivering a backlog does, so has its order kept.
   * Without it (the sample companies) the 200 comes before processing and messages are processed side by
   * side, in whatever order their decryption finishes.
   */
  inboundQueue?: boolean
}

/**
 * DIDComm over HTTP on 127.0.0.1 only. Credo 0.6.3 ships no HTTP inbound transport (only @credo-ts/node's
 * alpha has one, and it listens on every interface); a company agent must not be reachable from beyond
 * this machine.
 */
export class LoopbackHttpInbound implements DidCommInboundTransport {
  private server?: http.Server

  constructor(
    private readonly port: number,
    private readonly options: LoopbackHttpInboundOptions = {},
  ) {}

  async start(agentContext: AgentContext): Promise<void> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = []
      let size = 0
      request.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY) request.destroy()
        else chunks.push(chunk)
      })
      request.on('end', () => {
        let message: DidCommEncryptedMessage
        const body = Buffer.concat(chunks)
        this.options.tap?.(body)
        try {
          message = JSON.parse(body.toString('utf8')) as DidCommEncryptedMessage
        } catch {
          response.writeHead(400).end()
          return
        }
        if (this.options.inboundQueue) return void throughInboundQueue(agentContext, message, response)
        response.writeHead(200).end()
        agentContext.dependencyManager
          .resolve(DidCommMessageReceiver)
          .receiveMessage(message)
          .catch((error: unknown) => {
            agentContext.config.logger.error('company agent: processing an inbound message failed', { error })
          })
      })
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.server = server
  }

  get boundPort(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

// What DidCommHttpInboundTransport does: hand the message to the agent's inbound queue by event; the
// receiver closes the session (a 200) once decrypted unless it keeps it for a reply, and the dispatcher
// reports that very envelope processed (a failure shows only as the timeout).
async function throughInboundQueue(
  agentContext: AgentContext,
  message: DidCommEncryptedMessage,
  response: http.ServerResponse,
): Promise<void> {
  const transportService = agentContext.dependencyManager.resolve(DidCommTransportService)
  const events = agentContext.dependencyManager.resolve(EventEmitter)
  const session = new HttpSession(response)
  response.once('close', () => transportService.removeSession(session))
  let onProcessed = (_event: DidCommMessageProcessedEvent) => {}
  let timer: NodeJS.Timeout | undefined
  const processed = new Promise<boolean>((resolve) => {
    onProcessed = (event) => event.payload.encryptedMessage === message && resolve(true)
    timer = setTimeout(() => resolve(false), PROCESSED_TIMEOUT_MS)
  })
  events.on(DidCommEventTypes.DidCommMessageProcessed, onProcessed)
  try {
    events.emit<DidCommMessageReceivedEvent>(agentContext, {
      type: DidCommEventTypes.DidCommMessageReceived,
      payload: { message, session },
    })
    const ok = await processed
    if (!response.headersSent) response.writeHead(ok ? 200 : 500).end()
  } finally {
    clearTimeout(timer)
    events.off(DidCommEventTypes.DidCommMessageProcessed, onProcessed)
    transportService.removeSession(session)
  }
}

/** The HTTP exchange as a transport session, so an answer can go back on it (return route). */
class HttpSession implements DidCommTransportSession {
  readonly id = randomUUID()
  readonly type = 'http'

  constructor(private readonly response: http.ServerResponse) {}

  async send(_agentContext: AgentContext, message: DidCommEncryptedMessage): Promise<void> {
    if (this.response.headersSent) throw new CredoError('HTTP transport session has been closed.')
    this.response.writeHead(200, { 'Content-Type': 'application/didcomm-envelope-enc' }).end(JSON.stringify(message))
  }

  async close(): Promise<void> {
    if (!this.response.headersSent) this.response.writeHead(200).end()
  }
}
