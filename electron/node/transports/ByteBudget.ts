type Release = () => void

/**
 * Bytes of message bodies the node holds at once, from the moment a request says how large its body is
 * until its message is spooled and processed, and the spool's own windows of work. A message costs
 * several times its size while it is read, parsed and decrypted; without a cap, many large ones at once
 * (each within the message limit) would take gigabytes. A reservation is given back exactly once
 * through the function `take` and `acquire` return.
 */
export class ByteBudget {
  private used = 0
  private readonly waiting: Array<{ bytes: number; grant: (release: Release | undefined) => void }> = []

  constructor(private max: number) {}

  /** The cap; a transport sets it from its options (the spool exists before any transport). */
  limitTo(max: number): void {
    this.max = max
  }

  get limit(): number {
    return this.max
  }

  /** A reservation now, or undefined when it does not fit (one is always let through when nothing is held). */
  take(bytes: number): Release | undefined {
    if (this.waiting.length > 0 || !this.fits(bytes)) return undefined
    return this.reserve(bytes)
  }

  /** A reservation as soon as it fits, in arrival order; undefined if it did not fit within `timeoutMs`. */
  acquire(bytes: number, timeoutMs: number): Promise<Release | undefined> {
    const now = this.take(bytes)
    if (now) return Promise.resolve(now)
    return new Promise((resolve) => {
      const waiter = {
        bytes,
        grant: (release: Release | undefined) => {
          clearTimeout(timer)
          resolve(release)
        },
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1)
        resolve(undefined)
        this.grantWaiting()
      }, timeoutMs)
      this.waiting.push(waiter)
    })
  }

  private fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.max
  }

  private reserve(bytes: number): Release {
    this.used += bytes
    let released = false
    return () => {
      if (released) return
      released = true
      this.used -= bytes
      this.grantWaiting()
    }
  }

  private grantWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0].bytes)) {
      const next = this.waiting.shift()!
      next.grant(this.reserve(next.bytes))
    }
  }
}
