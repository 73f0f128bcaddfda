import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { CredoError, type AgentContext } from '@credo-ts/core'
import {
  DidCommMessageReceiver,
  DidCommMimeType,
  DidCommTransportService,
  type DidCommEncryptedMessage,
  type DidCommInboundTransport,
  type DidCommTransportSession,
} from '@credo-ts/didcomm'

// A presentation carries statement PDFs inline: room for a few at the node's 20 MiB limit each.
const MAX_BODY = 128 * 1024 * 1024

export interface LoopbackHttpInboundOptions {
  /**
   * Answer on the HTTP response of a message that asked for a return route (RFC 0092), as Credo's own
   * DidCommHttpInboundTransport (@credo-ts/node) does: an agent without an endpoint, such as a desktop node
   * making a connection with its mediator, gets its answers no other way. Off: every request is answered
   * at once with an empty 200, and answers go only to the sender's endpoints.
   */
  returnRoute?: boolean
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
    /** Sees every message body as it arrived (tests measure what a company received on the wire). */
    private readonly tap?: (body: Buffer) => void,
    private readonly options: LoopbackHttpInboundOptions = {},
  ) {}

  async start(agentContext: AgentContext): Promise<void> {
    const receiver = agentContext.dependencyManager.resolve(DidCommMessageReceiver)
    const transportService = agentContext.dependencyManager.resolve(DidCommTransportService)
    const failed = (error: unknown) =>
      agentContext.config.logger.error('company agent: processing an inbound message failed', { error })
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = []
      let size = 0
      request.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY) request.destroy()
        else chunks.push(chunk)
      })
      request.on('end', () => {
        let message: unknown
        const body = Buffer.concat(chunks)
        this.tap?.(body)
        try {
          message = JSON.parse(body.toString('utf8'))
        } catch {
          response.writeHead(400).end()
          return
        }
        if (!this.options.returnRoute) {
          // Answered at once: the sender does not wait for processing.
          response.writeHead(200).end()
          receiver.receiveMessage(message).catch(failed)
          return
        }
        // Credo keeps the session only for a message with a return route (closing it at once otherwise),
        // and sends the answer down it while processing; whatever is left open is ended here.
        const session = new HttpResponseSession(response)
        response.once('close', () => transportService.removeSession(session))
        receiver
          .receiveMessage(message, { session })
          .catch((error: unknown) => {
            failed(error)
            if (!response.headersSent) response.writeHead(500).end()
          })
          .finally(() => {
            transportService.removeSession(session)
            if (!response.headersSent) response.writeHead(200).end()
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

/** One HTTP request as a transport session: it carries at most one message back, in its response. */
class HttpResponseSession implements DidCommTransportSession {
  readonly id = randomUUID()
  readonly type = 'http'

  constructor(private readonly response: http.ServerResponse) {}

  async send(_agentContext: AgentContext, message: DidCommEncryptedMessage): Promise<void> {
    if (this.response.headersSent) throw new CredoError('http transport session has been closed.')
    this.response.writeHead(200, { 'Content-Type': DidCommMimeType.V1 }).end(JSON.stringify(message))
  }

  async close(): Promise<void> {
    if (!this.response.headersSent) this.response.writeHead(200).end()
  }
}
