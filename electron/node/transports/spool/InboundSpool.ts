import fs from 'node:fs'
import path from 'node:path'

import { InboundRefusal } from '../../kernel'
import { DEFAULT_DEAD_LETTER_BOUNDS, DeadLetters, type DeadLetterBounds } from './DeadLetters'
import { SpoolCounts } from './SpoolCounts'
import { entryFileParts, readEntry, syncFolder, writeFlushed, type SpoolEntry } from './spoolFiles'

export interface SpoolQuota {
  /** Envelopes and bytes one remote address may have waiting at once (dead letters included). */
  messagesPerAddress: number
  bytesPerAddress: number
  /** Bytes waiting from all senders together; beyond it every sender is refused until it drains. */
  totalBytes?: number
}

export const DEFAULT_SPOOL_TOTAL_BYTES = 1024 * 1024 * 1024

/** A sender with too much waiting: refused before its message is read (429, or a socket closed). */
export class SpoolQuotaExceededError extends InboundRefusal {
  override readonly name = 'SpoolQuotaExceededError'
  readonly reason = 'rate limited' as const
}

/**
 * Inbound envelopes on disk before anyone is told they arrived: a sender's "sent" (a 202) then means
 * "kept", whatever happens next (a crash, a locked store, a burst beyond what the node processes at
 * once). Entries are still the encrypted envelopes, one file each, named by arrival sequence. Only their
 * metadata is held in memory; a body is read when its turn comes.
 */
export class InboundSpool {
  readonly dead: DeadLetters
  private nextSequence: number
  private readonly waiting = new Map<number, SpoolEntry>()
  private readonly counts = new SpoolCounts()
  // Entries being processed on their own request or socket; the drainer leaves them alone.
  private readonly claimed = new Set<number>()
  // Counted in the quota but not yet on disk: nobody may read them yet.
  private readonly writing = new Set<number>()
  // Left by an earlier process: it may have processed them and died before removing them.
  private readonly leftOver = new Set<number>()

  constructor(
    readonly dir: string,
    private readonly quota: SpoolQuota,
    deadLetterBounds: DeadLetterBounds = DEFAULT_DEAD_LETTER_BOUNDS,
  ) {
    this.dead = new DeadLetters(path.join(dir, 'dead'), deadLetterBounds)
    const names = fs.readdirSync(dir).filter((name) => /^\d+\.json$/.test(name))
    for (const name of names.sort()) {
      // One at a time: a full spool is never in memory at once.
      const file = path.join(dir, name)
      const stored = readEntry(file)
      if (!stored) continue
      const { body, ...entry } = stored
      this.track({ ...entry, file, bytes: Buffer.byteLength(body) })
      this.leftOver.add(entry.sequence)
    }
    this.nextSequence = Math.max([...this.waiting.keys()].at(-1) ?? 0, this.dead.lastSequence) + 1
  }

  /**
   * Written and flushed to disk (file and folder) before it resolves; `claim` keeps the drainer off it.
   * The flushes run off the main thread, so messages arriving together wait on the disk side by side.
   */
  async append(remote: string, body: string | Buffer, claim = false): Promise<SpoolEntry> {
    const [entry] = await this.appendBatch(remote, [body], claim)
    return entry
  }

  /**
   * Several envelopes from one sender (a batch picked up from the mediator), all on disk before it
   * resolves. The files are flushed side by side and the folder once, which costs far less than one
   * `append` each. All or none fit within the sender's quota.
   */
  async appendBatch(remote: string, bodies: Array<string | Buffer>, claim = false): Promise<SpoolEntry[]> {
    const sizes = bodies.map((body) => Buffer.byteLength(body))
    if (
      !this.fits(
        remote,
        bodies.length,
        sizes.reduce((sum, size) => sum + size, 0),
      )
    ) {
      throw new SpoolQuotaExceededError(`${remote} has too many messages waiting`)
    }
    const receivedAt = new Date().toISOString()
    const entries = sizes.map((bytes) => {
      const sequence = this.nextSequence++
      const file = path.join(this.dir, `${String(sequence).padStart(12, '0')}.json`)
      return { file, sequence, remote, receivedAt, bytes }
    })
    // Counted at once, so a second batch arriving meanwhile sees this one in the quota.
    for (const entry of entries) this.track(entry)
    if (claim) for (const { sequence } of entries) this.claimed.add(sequence)
    for (const { sequence } of entries) this.writing.add(sequence)
    try {
      await Promise.all(
        entries.map(({ file, sequence }, i) =>
          writeFlushed(`${file}.tmp`, ...entryFileParts({ sequence, remote, receivedAt }, bodies[i])),
        ),
      )
      for (const { file } of entries) fs.renameSync(`${file}.tmp`, file)
      await syncFolder(this.dir)
    } catch (error) {
      for (const entry of entries) this.untrack(entry)
      for (const { file } of entries) for (const name of [file, `${file}.tmp`]) fs.rmSync(name, { force: true })
      throw error
    } finally {
      for (const { sequence } of entries) this.writing.delete(sequence)
    }
    return entries
  }

  /** Whether `messages` more envelopes of `bytes` from this sender fit in its quota and the total now. */
  fits(remote: string, messages: number, bytes: number): boolean {
    const held = this.counts.of(remote)
    const dead = this.dead.heldBy(remote)
    const total = this.quota.totalBytes ?? DEFAULT_SPOOL_TOTAL_BYTES
    return (
      held.messages + dead.messages + messages <= this.quota.messagesPerAddress &&
      held.bytes + dead.bytes + bytes <= this.quota.bytesPerAddress &&
      this.counts.totalBytes + bytes <= total
    )
  }

  /** What waits and is not being processed elsewhere, oldest first; bodies are read with `body`. */
  entries(): SpoolEntry[] {
    return [...this.waiting.values()].filter(
      ({ sequence }) => !this.claimed.has(sequence) && !this.writing.has(sequence),
    )
  }

  /** The envelope of an entry, or undefined when its file is gone or damaged. */
  body(entry: SpoolEntry): string | undefined {
    return readEntry(entry.file)?.body
  }

  /** True for an entry an earlier process left behind: whether it was processed must be asked of the store. */
  inDoubt(entry: SpoolEntry): boolean {
    return this.leftOver.has(entry.sequence)
  }

  /** Hands a claimed entry to the drainer after all (its own processing did not finish). */
  unclaim(entry: SpoolEntry): void {
    this.claimed.delete(entry.sequence)
  }

  /**
   * Forgotten at once and unlinked off the main thread (the drainer removes hundreds a second). Not
   * flushed: an entry back after a crash is in doubt, and the seen list or the store's commit probe
   * says it was processed.
   */
  remove(entry: SpoolEntry): void {
    if (!this.untrack(entry)) return
    void fs.promises.rm(entry.file, { force: true }).catch(() => undefined)
  }

  /**
   * Moves an entry that could not be processed aside, with why and when, so it never blocks the rest.
   * Its body is kept only when it could be decrypted (`keepBody`).
   */
  deadLetter(entry: SpoolEntry, reason: string, keepBody: boolean): void {
    this.dead.add(entry, reason, keepBody ? this.body(entry) : undefined)
    this.remove(entry)
  }

  private track(entry: SpoolEntry): void {
    this.waiting.set(entry.sequence, entry)
    this.counts.add(entry.remote, entry.bytes)
  }

  private untrack(entry: SpoolEntry): boolean {
    this.claimed.delete(entry.sequence)
    this.leftOver.delete(entry.sequence)
    if (!this.waiting.delete(entry.sequence)) return false
    this.counts.remove(entry.remote, entry.bytes)
    return true
  }
}
