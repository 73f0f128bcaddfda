import type { AgentContext, Logger } from '@credo-ts/core'
import type { DidCommEncryptedMessage } from '@credo-ts/didcomm'

import type { ByteBudget } from '../ByteBudget'
import { receiveEnvelope, type ReceiveOutcome } from '../receiveEnvelope'
import { HandlingTurn } from './HandlingTurn'
import type { InboundSpool } from './InboundSpool'
import type { SpoolEntry } from './spoolFiles'
import type { SeenMessages } from './SeenMessages'

// Messages in processing at once. Decrypting and looking up the connection wait on the store; with a
// few in flight that waiting overlaps, while the handlers still run one at a time per sender.
const WINDOW = 8
// How long a window waits for room among the bodies in memory before it asks again.
const WAIT_FOR_ROOM_MS = 60_000

/**
 * Processes what waits in the spool, oldest first: what arrived while the store was locked, after a
 * crash, beyond what the node takes at once, or in a batch picked up from the mediator. Each sender's
 * handlers run in arrival order (HandlingTurn). A failure moves the entry to the dead letters and the
 * next one goes on.
 */
export class SpoolDrainer {
  private running = false
  private again = false
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly spool: InboundSpool,
    private readonly seen: SeenMessages,
    private readonly agent: () => AgentContext | undefined,
    private readonly logger: Logger,
    // A message costs several times its size while it is decrypted and parsed: a window of large ones
    // holds fewer (always at least one), and takes its bytes from the same cap as arriving requests.
    private readonly bodies: ByteBudget,
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

  /** Called after each window of entries left the spool (the mediator pickup waits on it for room). */
  onProgress(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = this.spool.entries()
      if (batch.length === 0) return
      for (const window of windows(batch, this.bodies.limit)) {
        const bytes = window.reduce((sum, entry) => sum + entry.bytes, 0)
        let release = await this.bodies.acquire(bytes, WAIT_FOR_ROOM_MS)
        while (!release) release = await this.bodies.acquire(bytes, WAIT_FOR_ROOM_MS)
        try {
          if (!(await this.processWindow(window))) return
        } finally {
          release()
        }
      }
    }
  }

  /** False when the store was locked meanwhile: what is left stays for the next unlock. */
  private async processWindow(entries: SpoolEntry[]): Promise<boolean> {
    const agent = this.agent()
    if (!agent) return false
    const lastOf = new Map<string, HandlingTurn>()
    const outcomes = await Promise.all(
      entries.map((entry): Promise<ReceiveOutcome> => {
        const body = this.spool.body(entry)
        if (body === undefined) return Promise.resolve({ kind: 'failedAfterAccept', error: 'damaged in the spool' })
        const turn = new HandlingTurn(lastOf.get(entry.remote))
        lastOf.set(entry.remote, turn)
        const message = JSON.parse(body) as DidCommEncryptedMessage
        const inDoubt = this.spool.inDoubt(entry)
        return receiveEnvelope(agent, message, this.seen, { inDoubt, turn, deferSeenFlush: true })
      }),
    )
    // Their ids are on disk before any of their entries goes: a crash in between cannot process one twice.
    this.seen.flush()
    let unlocked = true
    entries.forEach((entry, index) => {
      const outcome: ReceiveOutcome = outcomes[index]
      if (outcome.kind === 'processed') this.spool.remove(entry)
      else if (outcome.kind === 'failedAfterAccept' && !this.agent()) unlocked = false
      else if (outcome.kind === 'refused')
        this.spool.deadLetter(entry, outcome.reason, outcome.reason !== 'cannot decrypt')
      else this.spool.deadLetter(entry, `failed: ${outcome.error}`, true)
    })
    for (const listener of this.listeners) listener()
    return unlocked && this.agent() !== undefined
  }
}

/** Consecutive windows of at most WINDOW entries and `maxBytes` (a single larger entry is a window of its own). */
function* windows(entries: SpoolEntry[], maxBytes: number): Generator<SpoolEntry[]> {
  let window: SpoolEntry[] = []
  let bytes = 0
  for (const entry of entries) {
    if (window.length > 0 && (window.length >= WINDOW || bytes + entry.bytes > maxBytes)) {
      yield window
      window = []
      bytes = 0
    }
    window.push(entry)
    bytes += entry.bytes
  }
  if (window.length > 0) yield window
}
