/**
 * Counts what is open at once, in all and per remote address: requests in processing, or WebSockets.
 * A slot taken must be given back exactly once; `take` returns that release function.
 */
export class Occupancy {
  private total = 0
  private readonly byAddress = new Map<string, number>()

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerAddress: number,
  ) {}

  take(address: string): (() => void) | undefined {
    const mine = this.byAddress.get(address) ?? 0
    if (this.total >= this.maxTotal || mine >= this.maxPerAddress) return undefined
    this.total++
    this.byAddress.set(address, mine + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      this.total--
      const left = (this.byAddress.get(address) ?? 1) - 1
      if (left > 0) this.byAddress.set(address, left)
      else this.byAddress.delete(address)
    }
  }
}
