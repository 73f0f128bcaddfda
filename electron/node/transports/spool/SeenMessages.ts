import fs from 'node:fs'

const KEEP = 10_000

/**
 * DIDComm message ids this node has processed, most recent first out. A spooled envelope is removed only
 * after it was processed; if the node died in between, it comes back at start and its id, found here,
 * keeps it from being processed twice. Appended and flushed before the spool entry goes.
 */
export class SeenMessages {
  private readonly ids: Set<string>
  // Being processed right now: a second copy (a sender that retried over its next endpoint while the
  // first was still in processing) must not run beside it.
  private readonly inProgress = new Set<string>()
  private appended = 0
  private fd?: number
  private unflushed = false

  constructor(private readonly file: string) {
    const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []
    this.ids = new Set(lines.slice(-KEEP))
  }

  /** False when the message was processed before or is being processed now. */
  begin(id: string): boolean {
    if (this.ids.has(id) || this.inProgress.has(id)) return false
    this.inProgress.add(id)
    return true
  }

  /** Processing failed: a later copy may try again. */
  abandon(id: string): void {
    this.inProgress.delete(id)
  }

  /**
   * Written at once; flushed to disk now, or (`flush: false`) by the next `flush()`, which the drainer
   * calls once for a window of messages before it removes any of their spool entries: one fsync for
   * several messages instead of one each.
   */
  add(id: string, { flush = true }: { flush?: boolean } = {}): void {
    this.inProgress.delete(id)
    if (this.ids.has(id)) return
    this.ids.add(id)
    this.fd ??= fs.openSync(this.file, 'a', 0o600)
    fs.writeSync(this.fd, `${id}\n`)
    this.unflushed = true
    if (flush) this.flush()
    if (++this.appended > KEEP) this.compact()
  }

  flush(): void {
    if (!this.unflushed || this.fd === undefined) return
    fs.fsyncSync(this.fd)
    this.unflushed = false
  }

  private compact(): void {
    this.flush()
    if (this.fd !== undefined) fs.closeSync(this.fd)
    this.fd = undefined
    const recent = [...this.ids].slice(-KEEP)
    this.ids.clear()
    for (const id of recent) this.ids.add(id)
    const fd = fs.openSync(`${this.file}.tmp`, 'w', 0o600)
    try {
      fs.writeSync(fd, `${recent.join('\n')}\n`)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(`${this.file}.tmp`, this.file)
    this.appended = 0
  }
}
