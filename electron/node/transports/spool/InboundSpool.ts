import fs from 'node:fs'
import path from 'node:path'

import { writeDurably } from '../../platform'
import { readEntry, syncFolder, writeFlushed } from './spoolFiles'

export interface SpoolEntry {
  file: string
  sequence: number
  remote: string
  receivedAt: string
  body: string
}

export interface SpoolQuota {
  /** Envelopes and bytes one remote address may have waiting at once; beyond it the sender is refused. */
  messagesPerAddress: number
  bytesPerAddress: number
}

export class SpoolQuotaExceededError extends Error {
  override readonly name = 'SpoolQuotaExceededError'
}

/**
 * Inbound envelopes on disk before anyone is told they arrived: a sender's "sent" (a 202) then means
 * "kept", whatever happens next (a crash, a locked store, a burst beyond what the node processes at
 * once). Entries are still the encrypted envelopes, one file each, named by arrival sequence.
 */
export class InboundSpool {
  private nextSequence: number
  private readonly waiting = new Map<string, { messages: number; bytes: number }>()
  // Entries being processed on their own request or socket; the drainer leaves them alone.
  private readonly claimed = new Set<string>()
  private readonly removing = new Set<string>()
  // Left by an earlier process: it may have processed them and died before removing them.
  private readonly leftOver: Set<number>

  constructor(
    readonly dir: string,
    private readonly quota: SpoolQuota,
  ) {
    fs.mkdirSync(path.join(dir, 'dead'), { recursive: true, mode: 0o700 })
    const entries = this.entries()
    for (const entry of entries) this.count(entry.remote, 1, Buffer.byteLength(entry.body))
    this.leftOver = new Set(entries.map((entry) => entry.sequence))
    this.nextSequence = (entries.at(-1)?.sequence ?? 0) + 1
  }

  /**
   * Written and flushed to disk (file and folder) before it resolves; `claim` keeps the drainer off it.
   * The flushes run off the main thread, so messages arriving together wait on the disk side by side.
   */
  async append(remote: string, body: string, claim = false): Promise<SpoolEntry> {
    const [entry] = await this.appendBatch(remote, [body], claim)
    return entry
  }

  /**
   * Several envelopes from one sender (a batch picked up from the mediator), all on disk before it
   * resolves. The files are flushed side by side and the folder once, which costs far less than one
   * `append` each. All or none fit within the sender's quota.
   */
  async appendBatch(remote: string, bodies: string[], claim = false): Promise<SpoolEntry[]> {
    const bytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0)
    if (!this.fits(remote, bodies.length, bytes)) {
      throw new SpoolQuotaExceededError(`${remote} has too many messages waiting`)
    }
    const receivedAt = new Date().toISOString()
    const entries = bodies.map((body) => {
      const sequence = this.nextSequence++
      return {
        file: path.join(this.dir, `${String(sequence).padStart(12, '0')}.json`),
        sequence,
        remote,
        receivedAt,
        body,
      }
    })
    // Counted at once, so a second batch arriving meanwhile sees this one in the quota.
    this.count(remote, entries.length, bytes)
    if (claim) for (const { file } of entries) this.claimed.add(file)
    try {
      await Promise.all(entries.map(({ file, ...entry }) => writeFlushed(`${file}.tmp`, JSON.stringify(entry))))
      for (const { file } of entries) fs.renameSync(`${file}.tmp`, file)
      await syncFolder(this.dir)
    } catch (error) {
      this.count(remote, -entries.length, -bytes)
      for (const { file } of entries) this.claimed.delete(file)
      for (const { file } of entries) for (const name of [file, `${file}.tmp`]) fs.rmSync(name, { force: true })
      throw error
    }
    return entries
  }

  /** Whether `messages` more envelopes of `bytes` from this sender fit in its quota now. */
  fits(remote: string, messages: number, bytes: number): boolean {
    const held = this.waiting.get(remote) ?? { messages: 0, bytes: 0 }
    return held.messages + messages <= this.quota.messagesPerAddress && held.bytes + bytes <= this.quota.bytesPerAddress
  }

  /** What waits, oldest first. */
  entries(): SpoolEntry[] {
    return fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith('.json') && !this.hidden(path.join(this.dir, name)))
      .sort()
      .map((name) => readEntry(path.join(this.dir, name)))
      .filter((entry): entry is SpoolEntry => entry !== undefined)
  }

  /** True for an entry an earlier process left behind: whether it was processed must be asked of the store. */
  inDoubt(entry: SpoolEntry): boolean {
    return this.leftOver.has(entry.sequence)
  }

  private hidden(file: string): boolean {
    return this.claimed.has(file) || this.removing.has(file)
  }

  /** Hands a claimed entry to the drainer after all (its own processing did not finish). */
  unclaim(entry: SpoolEntry): void {
    this.claimed.delete(entry.file)
  }

  /**
   * Unlinked off the main thread (the drainer removes hundreds a second); until that is done the entry
   * is hidden from `entries`. Not flushed: an entry back after a crash is in doubt, and the seen list
   * or the store's commit probe says it was processed.
   */
  remove(entry: SpoolEntry): void {
    this.claimed.delete(entry.file)
    this.leftOver.delete(entry.sequence)
    this.removing.add(entry.file)
    void fs.promises
      .rm(entry.file, { force: true })
      .catch(() => undefined)
      .finally(() => this.removing.delete(entry.file))
    this.count(entry.remote, -1, -Buffer.byteLength(entry.body))
  }

  /** Moves an entry that could not be processed aside, with why and when, so it never blocks the rest. */
  deadLetter(entry: SpoolEntry, reason: string): void {
    const dead = path.join(this.dir, 'dead', path.basename(entry.file))
    writeDurably(dead, JSON.stringify({ ...entry, file: undefined, reason, failedAt: new Date().toISOString() }))
    this.remove(entry)
  }

  deadLetters(): Array<{ sequence: number; remote: string; receivedAt: string; reason: string; failedAt: string }> {
    const dir = path.join(this.dir, 'dead')
    return fs
      .readdirSync(dir)
      .sort()
      .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<string, string>)
      .map((d) => ({
        sequence: Number(d.sequence),
        remote: d.remote,
        receivedAt: d.receivedAt,
        reason: d.reason,
        failedAt: d.failedAt,
      }))
  }

  private count(remote: string, messages: number, bytes: number): void {
    const held = this.waiting.get(remote) ?? { messages: 0, bytes: 0 }
    const next = { messages: held.messages + messages, bytes: held.bytes + bytes }
    if (next.messages <= 0) this.waiting.delete(remote)
    else this.waiting.set(remote, next)
  }
}
