import type { AgentContext, Logger } from '@credo-ts/core'

import type { ByteBudget } from './ByteBudget'
import type { ResolvedInboundOptions } from './inboundOptions'
import type { Occupancy } from './Occupancy'
import type { RateLimiter } from './RateLimiter'
import type { InboundSpool, SeenMessages, SpoolDrainer } from './spool'

/** What the HTTP and WebSocket handlers share; `agent` is undefined while the vault is locked. */
export interface InboundContext {
  readonly options: ResolvedInboundOptions
  readonly limiter: RateLimiter
  /** Requests and WebSocket messages being processed. */
  readonly inFlight: Occupancy
  /** Open WebSockets. */
  readonly sockets: Occupancy
  /** Bytes of message bodies held at once, over HTTP and WebSocket. */
  readonly bodies: ByteBudget
  /** Whether a request's Host names this node; a loopback listener refuses any other (DNS rebinding). */
  acceptsHost(host: string | undefined): boolean
  /** Where every valid envelope is kept before it is acknowledged, and what works off the backlog. */
  readonly spool: InboundSpool
  readonly drainer: SpoolDrainer
  readonly seen: SeenMessages
  /** The node log (it drops lines written after the node closed, as requests in flight may end later). */
  readonly logger: Logger
  agent(): AgentContext | undefined
}

export const ACCEPTED_CONTENT_TYPES = [
  'application/didcomm-envelope-enc',
  'application/ssi-agent-wire',
  'application/json',
] as const

/**
 * One line per refused request; the remote address and the reason, never the payload. Reasons are the
 * transport's own texts; what a sender chose (an error code name at most) is capped in length here.
 */
export function logRefusal(context: InboundContext, via: 'http' | 'ws', code: number, remote: string, reason: string) {
  context.logger.warn(`inbound ${via} ${code} from ${remote.slice(0, 64)}: ${reason.slice(0, 200)}`)
}
