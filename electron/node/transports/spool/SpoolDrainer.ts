import type { Agent, EncryptedMessage, Logger } from '@credo-ts/core'

import { receiveEnvelope } from '../receiveEnvelope'
import type { InboundSpool } from './InboundSpool'
import type { SeenMessages } from './SeenMessages'

/**
 * Processes what waits in the spool, oldest first and one at a time, so each sender's messages keep
 * their order: what arrived while the store was locked, after a crash, or beyond what the node takes
 * at once. A failure moves the entry to the dead letters and the next one goes on.
 */
export class SpoolDrainer {
  private running = false
  private again = false

  constructor(
    private readonly spool: InboundSpool,
    private readonly seen: SeenMessages,
    private readonly agent: () => Agent | undefined,
    private readonly logger: Logger,
  ) {}

  /** True while a backlog is being worked off; new arrivals then queue behind it to keep order. */
  get busy(): boolean {
    return this.running
  }

  kick(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = true
    void this.drain()
      .catch((error: unknown) => this.logger.error('draining the inbound spool failed', { error }))
      .finally(() => {
        this.running = false
        if (this.again) {
          this.again = false
          this.kick()
        }
      })
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = this.spool.entries()
      if (batch.length === 0) return
      for (const next of batch) {
        const agent = this.agent()
        if (!agent) return
        const outcome = await receiveEnvelope(agent, JSON.parse(next.body) as EncryptedMessage, this.seen, {
          inDoubt: this.spool.inDoubt(next),
        })
        // The store may have been locked meanwhile; then the entry stays for the next unlock.
        if (outcome.kind === 'failedAfterAccept' && !this.agent()) return
        if (outcome.kind === 'processed') this.spool.remove(next)
        else this.spool.deadLetter(next, outcome.kind === 'refused' ? outcome.reason : `failed: ${outcome.error}`)
      }
    }
  }
}
