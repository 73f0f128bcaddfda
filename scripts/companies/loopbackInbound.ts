import http from 'node:http'
import type { AddressInfo } from 'node:net'

import type { Agent } from '@credo-ts/core'
import type { DidCommInboundTransport } from '@credo-ts/didcomm'

// A presentation carries statement PDFs inline: room for a few at the node's 20 MiB limit each.
const MAX_BODY = 128 * 1024 * 1024

/**
 * DIDComm over HTTP on 127.0.0.1 only. Credo's HttpInboundTransport listens on every interface, and a
 * company agent of the toolkit must not be reachable from beyond this machine.
 */
export class LoopbackHttpInbound implements DidCommInboundTransport {
  private server?: http.Server

  constructor(
    private readonly port: number,
    /** Sees every message body as it arrived (tests measure what a company received on the wire). */
    private readonly tap?: (body: Buffer) => void,
  ) {}

  async start(agent: Agent): Promise<void> {
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
        agent.receiveMessage(message).catch((error: unknown) => {
          agent.config.logger.error('company agent: processing an inbound message failed', { error })
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
