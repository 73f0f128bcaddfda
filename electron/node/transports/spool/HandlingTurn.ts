/**
 * A place in one sender's line. The drainer decrypts and checks several spooled messages at once (the
 * store's work overlaps), but each one's handler waits until the handler of the message before it from
 * the same sender has finished: the sender's order is what the handlers, and the person, see.
 */
export class HandlingTurn {
  private releaseOwn!: () => void
  private readonly own = new Promise<void>((resolve) => (this.releaseOwn = resolve))
  /** Resolves once this message and every one before it in the line are done. */
  readonly finished: Promise<void>

  constructor(private readonly previous?: HandlingTurn) {
    this.finished = Promise.all([previous?.finished, this.own]).then(() => undefined)
  }

  /** Waited for just before the handler runs. */
  async waitForPrevious(): Promise<void> {
    await this.previous?.finished
  }

  /** Called when the handler returned, and again (harmless) whatever else happens to the message. */
  release(): void {
    this.releaseOwn()
  }
}
