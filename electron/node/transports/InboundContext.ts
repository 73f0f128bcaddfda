import type { Agent, Logger } from '@credo-ts/core'

import type { ResolvedInboundOptions } from './inboundOptions'
import type { RateLimiter } from './RateLimiter'

/** What the HTTP and WebSocket handlers share; `agent` is undefined while the vault is locked. */
export interface InboundContext {
  readonly options: ResolvedInboundOptions
  readonly limiter: RateLimiter
  /** The node log; drops lines once the transport is closed, as requests still in flight may end after that. */
  readonly logger: Logger
  agent(): Agent | undefined
}

/** A logger that goes quiet after `close`, so a late request never writes to a closed log file. */
export function closableLogger(logger: Logger): { logger: Logger; close(): void } {
  let open = true
  const guarded = new Proxy(logger, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => (open ? (value as (...a: unknown[]) => unknown).apply(target, args) : undefined)
    },
  })
  return { logger: guarded, close: () => (open = false) }
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
