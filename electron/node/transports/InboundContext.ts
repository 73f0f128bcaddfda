import type { Agent, Logger } from '@credo-ts/core'

import type { ResolvedInboundOptions } from './inboundOptions'
import type { RateLimiter } from './RateLimiter'

/** What the HTTP and WebSocket handlers share; `agent` is undefined while the vault is locked. */
export interface InboundContext {
  readonly options: ResolvedInboundOptions
  readonly limiter: RateLimiter
  /** The node log (it drops lines written after the node closed, as requests in flight may end later). */
  readonly logger: Logger
  agent(): Agent | undefined
}

export const ACCEPTED_CONTENT_TYPES = [
  'application/didcomm-envelope-enc',
  'application/ssi-agent-wire',
  'application/json',
] as const

/** One line per refused request; the remote address and the reason, never the payload. */
export function logRefusal(context: InboundContext, via: 'http' | 'ws', code: number, remote: string, reason: string) {
  context.logger.warn(`inbound ${via} ${code} from ${remote}: ${reason}`)
}
