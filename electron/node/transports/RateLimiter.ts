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
    private readonly maxTracked = MAX_TRACKED,
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

  // A Map iterates in insertion order; re-inserting on every use keeps the least recently used first, so
  // eviction forgets the addresses quiet longest and never an active flooder's empty bucket.
  private remember(address: string, bucket: Bucket): void {
    this.buckets.delete(address)
    if (this.buckets.size >= this.maxTracked) {
      let toForget = Math.max(1, Math.floor(this.maxTracked / 10))
      for (const key of this.buckets.keys()) {
        if (toForget-- <= 0) break
        this.buckets.delete(key)
      }
    }
    this.buckets.set(address, bucket)
  }
}
