import type { SpoolQuota } from './spool'

export interface InboundRateLimit {
  /** Requests (HTTP) or messages (WS) one remote address may send at once. */
  burst: number
  /** How fast its allowance refills. */
  perSecond: number
}

export interface InboundOptions {
  /** Interface to listen on; loopback unless the person opens the node to their network. */
  host?: string
  /** 0 picks a free port; endpoints always carry the port actually bound. */
  port?: number
  /** Largest DIDComm message accepted, in bytes (HTTP body or one WS message). */
  maxMessageBytes?: number
  /** Per remote address; `false` turns limiting off (benchmarks only). */
  rateLimit?: InboundRateLimit | false
  /** Which schemes go into the node's endpoints, in order; both are always served. Default http, ws. */
  advertise?: InboundScheme[]
  /** Requests and messages in processing at once, in all and per remote address; more wait outside (503). */
  maxInFlight?: number
  maxInFlightPerAddress?: number
  /** Open WebSockets one remote address may hold. */
  maxSocketsPerAddress?: number
  /** How often an idle WebSocket is pinged; one that misses a pong by the next ping is closed. */
  heartbeatMs?: number
  /**
   * Origins a WebSocket upgrade may carry. DIDComm agents send none; a browser always does, so the default
   * (none allowed) keeps web pages a person visits from opening sockets to their node.
   */
  allowedOrigins?: string[]
  /**
   * What other agents are told to use, when the node listens on another interface than the one they
   * reach (a household node on 0.0.0.0 behind its LAN address or a reverse proxy): http(s)://host[:port].
   * Its ws(s) twin is derived. Required when listening on every interface.
   */
  publicUrl?: string
  /** Envelopes and bytes one remote address may have waiting in the spool. */
  spoolQuota?: SpoolQuota
  /**
   * Bytes of request bodies held at once, reserved by their declared length before any is read (a body
   * without one reserves the message limit); beyond it a request gets 503 before its body is read.
   */
  maxBytesInFlight?: number
}

export type InboundScheme = 'http' | 'ws'

export interface ResolvedInboundOptions {
  host: string
  port: number
  maxMessageBytes: number
  rateLimit: InboundRateLimit | false
  advertise: InboundScheme[]
  maxInFlight: number
  maxInFlightPerAddress: number
  maxSocketsPerAddress: number
  heartbeatMs: number
  allowedOrigins: string[]
  publicUrl?: string
  spoolQuota: SpoolQuota
  maxBytesInFlight: number
}

export const DEFAULT_MAX_MESSAGE_BYTES = 5 * 1024 * 1024
export const DEFAULT_SPOOL_QUOTA: SpoolQuota = { messagesPerAddress: 10_000, bytesPerAddress: 500 * 1024 * 1024 }
// A DID exchange plus a credential flow is a handful of messages; a mediator's family of nodes a few dozen a second.
export const DEFAULT_RATE_LIMIT: InboundRateLimit = { burst: 100, perSecond: 20 }

export function resolveInboundOptions(options: InboundOptions = {}): ResolvedInboundOptions {
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`Invalid inbound port ${port}`)
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES
  if (!Number.isInteger(maxMessageBytes) || maxMessageBytes < 1024) {
    throw new RangeError('maxMessageBytes must be a whole number of at least 1024')
  }
  return {
    host: options.host ?? '127.0.0.1',
    port,
    maxMessageBytes,
    // Off unless asked for: a Credo sender takes a 429 as delivered and drops the message. The spool quota
    // per address is what bounds a flood; it is paid in disk, not in honest messages lost.
    rateLimit: options.rateLimit ?? false,
    advertise: options.advertise?.length ? options.advertise : ['http', 'ws'],
    maxInFlight: positive(options.maxInFlight ?? 128, 'maxInFlight'),
    maxInFlightPerAddress: positive(options.maxInFlightPerAddress ?? 32, 'maxInFlightPerAddress'),
    maxSocketsPerAddress: positive(options.maxSocketsPerAddress ?? 64, 'maxSocketsPerAddress'),
    heartbeatMs: positive(options.heartbeatMs ?? 30_000, 'heartbeatMs'),
    allowedOrigins: options.allowedOrigins ?? [],
    publicUrl: checkedPublicUrl(options.publicUrl, options.host ?? '127.0.0.1'),
    spoolQuota: options.spoolQuota ?? DEFAULT_SPOOL_QUOTA,
    // By default one message of the largest size, or many small ones, at once; never less than one largest.
    maxBytesInFlight: Math.max(
      positive(options.maxBytesInFlight ?? maxMessageBytes, 'maxBytesInFlight'),
      maxMessageBytes,
    ),
  }
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of at least 1`)
  return value
}

/** The DIDComm endpoints for a bound address, in the order other agents should try them. */
export function endpointsFor(host: string, port: number, schemes: InboundScheme[] = ['http', 'ws']): string[] {
  const hostPart = host.includes(':') ? `[${host}]` : host
  return schemes.map((scheme) => `${scheme}://${hostPart}:${port}`)
}

function checkedPublicUrl(publicUrl: string | undefined, host: string): string | undefined {
  if (publicUrl === undefined) {
    // 0.0.0.0 in an invitation leads nowhere: other agents must be told a reachable address.
    if (host === '0.0.0.0' || host === '::')
      throw new RangeError(`Listening on ${host} needs a public URL to advertise`)
    return undefined
  }
  let url: URL
  try {
    url = new URL(publicUrl)
  } catch {
    throw new RangeError(`The public URL ${publicUrl} is not a URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError('The public URL must be http(s)://')
  return url.origin
}

/** The endpoints to advertise for a public URL: it, and its WebSocket twin, in the order asked for. */
export function publicEndpoints(publicUrl: string, schemes: InboundScheme[]): string[] {
  return schemes.map((scheme) => (scheme === 'http' ? publicUrl : publicUrl.replace(/^http/, 'ws')))
}
