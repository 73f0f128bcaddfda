import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

import type { AgentContext, Logger } from '@credo-ts/core'
import { type DidCommInboundTransport, DidCommModuleConfig } from '@credo-ts/didcomm'

import type { InboundStatus } from '../../../shared/api'
import { WebSocketServer } from 'ws'

import { createLimitedServer } from '../platform'
import { handleHttpRequest } from './httpInbound'
import { acceptedHosts } from './hosts'
import { logRefusal, type InboundContext } from './InboundContext'
import {
  endpointsFor,
  publicEndpoints,
  resolveInboundOptions,
  type InboundOptions,
  type ResolvedInboundOptions,
} from './inboundOptions'
import { Occupancy } from './Occupancy'
import { RateLimiter } from './RateLimiter'
import type { InboundQueue } from './spool'
import { startHeartbeat } from './heartbeat'
import { handleUpgrade, WS_CLOSE } from './wsInbound'

/**
 * DIDComm over HTTP POST and WebSocket on one host:port. Unlike Credo's transports it binds to the
 * configured interface, limits message size and request rate, and refuses bad input with a status.
 *
 * The server outlives one agent: locking the vault stops the agent (and `stop` is called), but the
 * socket stays bound and answers 503, so the port, and with it every endpoint already handed out
 * in DID documents, stays the same until `close`.
 */
/** The token under which a node registers its spool with the agent (for the inbox capability). */
export const INBOUND_SPOOL = Symbol('CustosInboundSpool')
/** The transport itself, for what the person may read of it (inbox.inbound). */
export const INBOUND_TRANSPORT = Symbol('CustosInboundTransport')

export class CustosInboundTransport implements DidCommInboundTransport {
  private readonly options: ResolvedInboundOptions
  private readonly context: InboundContext
  private readonly wss: WebSocketServer
  private server?: http.Server
  private bound?: string[]
  private address?: string
  // Set once listening; undefined on a listener open to the network, where a proxy may name it anything.
  private hosts?: Set<string>

  constructor(options: InboundOptions, logger: Logger, queue: InboundQueue) {
    this.options = resolveInboundOptions(options)
    this.context = {
      spool: queue.spool,
      seen: queue.seen,
      drainer: queue.drainer,
      options: this.options,
      limiter: new RateLimiter(this.options.rateLimit),
      inFlight: new Occupancy(this.options.maxInFlight, this.options.maxInFlightPerAddress),
      sockets: new Occupancy(Number.MAX_SAFE_INTEGER, this.options.maxSocketsPerAddress),
      bodies: queue.bodies,
      acceptsHost: (host) => this.hosts === undefined || (host !== undefined && this.hosts.has(host.toLowerCase())),
      logger,
      agent: () => queue.agent(),
    }
    queue.bodies.limitTo(this.options.maxBytesInFlight)
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.options.maxMessageBytes })
    this.stopHeartbeat = startHeartbeat(this.wss, this.options.heartbeatMs)
  }

  private readonly stopHeartbeat: () => void

  /** Where it listens and what it tells others, for the person to read; no secret is in it. */
  status(): InboundStatus {
    return {
      listening: this.bound !== undefined,
      address: this.address,
      endpoints: this.bound ?? [],
      publicUrl: this.options.publicUrl,
      loopbackOnly: isLoopback(this.options.host),
      maxMessageBytes: this.options.maxMessageBytes,
    }
  }

  /** The endpoints other agents reach this node at; undefined until the server is listening. */
  get endpoints(): string[] | undefined {
    return this.bound
  }

  async listen(): Promise<string[]> {
    if (this.bound) return this.bound
    const server = createLimitedServer((req, res) => {
      handleHttpRequest(this.context, req, res).catch((error: unknown) => {
        this.context.logger.error('inbound http handler failed', { error })
        if (!res.headersSent) res.writeHead(500).end()
      })
    })
    server.on('upgrade', (req, socket, head) => handleUpgrade(this.context, this.wss, req, socket, head))
    // Node can report one broken request more than once while the rest of it arrives; answer and log once.
    const refused = new WeakSet<Socket>()
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
      if (refused.has(socket)) return
      refused.add(socket)
      // A client that hung up mid-request needs no answer and is no attack worth a log line.
      if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy()
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
      logRefusal(this.context, 'http', status, socket.remoteAddress ?? 'unknown', `unparsable request (${error.code})`)
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`)
      socket.destroySoon()
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    this.server = server
    const { address, port } = server.address() as AddressInfo
    this.address = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`
    this.hosts = isLoopback(this.options.host) ? acceptedHosts(this.address, port, this.options.publicUrl) : undefined
    this.bound = this.options.publicUrl
      ? publicEndpoints(this.options.publicUrl, this.options.advertise)
      : endpointsFor(address, port, this.options.advertise)
    this.context.logger.info(`inbound transports listening on ${this.bound.join(', ')}`)
    return this.bound
  }

  /** The queue (QueueAttachment) gives this transport its agent; here only the endpoints are set. */
  async start(agent: AgentContext): Promise<void> {
    const endpoints = await this.listen()
    // Credo reads its endpoints when it builds invitations and DID documents; they must carry the real port.
    agent.dependencyManager.resolve(DidCommModuleConfig).endpoints = endpoints
  }

  async stop(): Promise<void> {
    for (const socket of this.wss.clients) socket.close(WS_CLOSE.goingAway, 'node locked')
  }

  /** Stops serving and gives the port back; final, the transport is not reopened. */
  async close(): Promise<void> {
    await this.stop()
    this.stopHeartbeat()
    const server = this.server
    this.server = undefined
    this.bound = undefined
    this.address = undefined
    this.hosts = undefined
    if (server) {
      for (const socket of this.wss.clients) socket.terminate()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.')
}
