/**
 * Bytes of message bodies the node holds at once, from the moment a request says how large its body is
 * until its message is spooled and processed. A message costs several times its size while it is read,
 * parsed and decrypted; without a cap, many large ones at once (each within the message limit) would
 * take gigabytes. A reservation must be given back exactly once; `take` returns that release function.
 */
export class ByteBudget {
  private used = 0

  constructor(readonly max: number) {}

  take(bytes: number): (() => void) | undefined {
    // One message is always let through when nothing else is held, whatever the cap.
    if (this.used > 0 && this.used + bytes > this.max) return undefined
    this.used += bytes
    let released = false
    return () => {
      if (released) return
      released = true
      this.used -= bytes
    }
  }

  get inUse(): number {
    return this.used
  }
}
