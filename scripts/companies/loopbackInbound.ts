import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { AgentContext } from '@credo-ts/core'
import { DidCommMessageReceiver, type DidCommInboundTransport } from '@credo-ts/didcomm'

// A presentation carries statement PDFs inline: room for a few at the node's 20 MiB limit each.
const MAX_BODY = 128 * 1024 * 1024

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
  ) {}

  async start(agentContext: AgentContext): Promise<void> {
    const receiver = agentContext.dependencyManager.resolve(DidCommMessageReceiver)
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
        // Answered at once: the sender does not wait for processing, as with Credo's transport.
        response.writeHead(200).end()
        receiver.receiveMessage(message).catch((error: unknown) => {
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
