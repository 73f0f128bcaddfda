import type { InboundRateLimit } from './inboundOptions'

interface Bucket {
  tokens: number
  updatedAt: number
  /** Set while the address is being refused, so a flood is logged once rather than per request. */
  refusing: boolean
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean }

const MAX_TRACKED = 10_000

/** A token bucket per remote address. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly limit: InboundRateLimit | false,
    private readonly now: () => number = Date.now,
  ) {}

  take(address: string): RateDecision {
    if (!this.limit) return { allowed: true }
    const { burst, perSecond } = this.limit
    const now = this.now()
    const bucket = this.buckets.get(address) ?? { tokens: burst, updatedAt: now, refusing: false }
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond)
    bucket.updatedAt = now
    this.remember(address, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      bucket.refusing = false
      return { allowed: true }
    }
    const firstRefusal = !bucket.refusing
    bucket.refusing = true
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)), firstRefusal }
  }

  private remember(address: string, bucket: Bucket): void {
    if (!this.buckets.has(address) && this.buckets.size >= MAX_TRACKED) {
      // Forget the addresses that have been quiet longest; Map keeps insertion order.
      for (const key of [...this.buckets.keys()].slice(0, MAX_TRACKED / 10)) this.buckets.delete(key)
    }
    this.buckets.set(address, bucket)
  }
}
