/**
 * What direct delivery keeps in memory for one agent: which connections are being drained, pending
 * retries with their back-off, and which recipients collect their messages by pickup. None of it needs
 * to survive a restart: the messages are in the queue, and on start every recipient is tried again.
 */
export class DirectDeliveryState {
  /** Connections being drained; true when another message came meanwhile and the drain must look again. */
  readonly draining = new Map<string, boolean>()
  readonly retryTimers = new Map<string, NodeJS.Timeout>()
  /** The next retry delay per connection; gone once its queue was emptied. */
  readonly backoffMs = new Map<string, number>()
  /** Whether a mediated connection collects by pickup (RFC 0212 / 0685), as far as known. */
  readonly collects = new Map<string, boolean>()
  stopped = false

  stop(): void {
    this.stopped = true
    for (const timer of this.retryTimers.values()) clearTimeout(timer)
    this.retryTimers.clear()
  }
}
