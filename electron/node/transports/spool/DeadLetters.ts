import fs from 'node:fs'

import type { DeadLetter, DeadLetterPage } from '../../../../shared/api'
import { writeDurably } from '../../platform'
import { letterFiles, META_FILE, readLetter, removeLetter, splitLegacy } from './deadLetterFiles'
import type { SpoolEntry } from './spoolFiles'

export interface DeadLetterBounds {
  /** Dead letters kept at most; beyond it the oldest go. */
  maxCount: number
  /** Bytes of kept bodies at most; beyond it the oldest go, and a body larger than this is not kept. */
  maxBytes: number
  /** Age after which a dead letter goes. */
  maxAgeMs: number
}

export const DEFAULT_DEAD_LETTER_BOUNDS: DeadLetterBounds = {
  maxCount: 1000,
  maxBytes: 64 * 1024 * 1024,
  maxAgeMs: 14 * 24 * 60 * 60 * 1000,
}

/**
 * What arrived and could not be processed, bounded by count, bytes and age, so a sender that floods
 * the node with junk costs it a bounded amount of disk. Each is a small metadata file (`<seq>.json`),
 * listed without reading any body, and the body (`<seq>.body`) only when the envelope could be
 * decrypted: an envelope for nobody is junk to anyone, support included.
 */
export class DeadLetters {
  // Oldest first: sequences only grow.
  private readonly index = new Map<number, DeadLetter>()
  private keptBytes = 0

  constructor(
    private readonly dir: string,
    private readonly bounds: DeadLetterBounds,
  ) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    const sequences = fs
      .readdirSync(dir)
      .map((name) => META_FILE.exec(name)?.[1])
      .filter((sequence): sequence is string => sequence !== undefined)
      .map(Number)
      .sort((a, b) => a - b)
    const legacy: number[] = []
    for (const sequence of sequences) {
      const read = readLetter(dir, sequence)
      // A damaged file is no dead letter anyone can read; it goes.
      if (!read) removeLetter(dir, sequence)
      else this.remember(read.letter)
      if (read?.legacy) legacy.push(sequence)
    }
    this.trim()
    // Only what stays within the bounds is rewritten.
    for (const sequence of legacy) {
      const letter = this.index.get(sequence)
      if (letter) splitLegacy(dir, letter)
    }
  }

  /** The highest sequence in use, so the spool never names a new entry like an old dead letter. */
  get lastSequence(): number {
    return [...this.index.keys()].at(-1) ?? 0
  }

  add(entry: SpoolEntry, reason: string, body: string | undefined): void {
    const bytes = body === undefined ? 0 : Buffer.byteLength(body)
    const kept = body !== undefined && bytes <= this.bounds.maxBytes
    const letter: DeadLetter = {
      sequence: entry.sequence,
      remote: entry.remote,
      receivedAt: entry.receivedAt,
      reason,
      failedAt: new Date().toISOString(),
      bytes: entry.bytes,
      kept,
    }
    const files = letterFiles(this.dir, entry.sequence)
    if (kept) writeDurably(files.body, body)
    writeDurably(files.meta, JSON.stringify(letter))
    this.remember(letter)
    this.trim()
  }

  /** Newest first; `before` is the sequence the previous page ended at. */
  page(limit: number, before?: number): DeadLetterPage {
    const newestFirst = [...this.index.values()].reverse()
    const from = before === undefined ? newestFirst : newestFirst.filter((letter) => letter.sequence < before)
    const letters = from.slice(0, limit)
    const next = from.length > limit ? letters.at(-1)?.sequence : undefined
    return { letters, total: this.index.size, keptBytes: this.keptBytes, next }
  }

  /** Deletes the named dead letters (unknown ones are ignored), or all of them; returns how many went. */
  delete(sequences: number[] | 'all'): number {
    const chosen = sequences === 'all' ? [...this.index.keys()] : sequences.filter((s) => this.index.has(s))
    for (const sequence of chosen) this.forget(sequence)
    return chosen.length
  }

  /** What one sender has among the dead letters; it counts against its spool quota. */
  heldBy(remote: string): { messages: number; bytes: number } {
    let messages = 0
    let bytes = 0
    for (const letter of this.index.values()) {
      if (letter.remote !== remote) continue
      messages++
      if (letter.kept) bytes += letter.bytes
    }
    return { messages, bytes }
  }

  // Expired ones go; then the oldest, while there are too many; then the oldest with a body, while the
  // bodies are too large (one without a body costs a few hundred bytes).
  private trim(): void {
    const expiredBefore = Date.now() - this.bounds.maxAgeMs
    for (const letter of [...this.index.values()])
      if (Date.parse(letter.failedAt) < expiredBefore) this.forget(letter.sequence)
    for (const letter of [...this.index.values()]) {
      if (this.index.size <= this.bounds.maxCount) break
      this.forget(letter.sequence)
    }
    for (const letter of [...this.index.values()]) {
      if (this.keptBytes <= this.bounds.maxBytes) break
      if (letter.kept) this.forget(letter.sequence)
    }
  }

  private remember(letter: DeadLetter): void {
    this.index.set(letter.sequence, letter)
    if (letter.kept) this.keptBytes += letter.bytes
  }

  private forget(sequence: number): void {
    const letter = this.index.get(sequence)
    if (!letter) return
    this.index.delete(sequence)
    if (letter.kept) this.keptBytes -= letter.bytes
    removeLetter(this.dir, sequence)
  }
}
