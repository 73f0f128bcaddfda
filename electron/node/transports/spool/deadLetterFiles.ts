import fs from 'node:fs'
import path from 'node:path'

import type { DeadLetter } from '../../../../shared/api'
import { writeDurably } from '../../platform'

/** A dead letter is `<seq>.json` (what it was and why it failed) and, when kept, `<seq>.body` beside it. */
export function letterFiles(dir: string, sequence: number): { meta: string; body: string } {
  const base = path.join(dir, String(sequence).padStart(12, '0'))
  return { meta: `${base}.json`, body: `${base}.body` }
}

export const META_FILE = /^(\d+)\.json$/

export interface ReadLetter {
  letter: DeadLetter
  /** Written by an earlier version, with the body inside the metadata file: to be split if it stays. */
  legacy: boolean
}

export function readLetter(dir: string, sequence: number): ReadLetter | undefined {
  try {
    const stored = JSON.parse(fs.readFileSync(letterFiles(dir, sequence).meta, 'utf8')) as DeadLetter & {
      body?: string
    }
    if (typeof stored.body !== 'string') return { letter: stored, legacy: false }
    const { body, ...rest } = stored
    // An envelope for nobody is junk to anyone: an earlier version kept it; this one does not.
    return { letter: { ...rest, bytes: Buffer.byteLength(body), kept: rest.reason !== 'cannot decrypt' }, legacy: true }
  } catch {
    return undefined
  }
}

/** Rewrites an earlier version's letter as metadata and body, so listing never reads a body again. */
export function splitLegacy(dir: string, letter: DeadLetter): void {
  const files = letterFiles(dir, letter.sequence)
  const { body } = JSON.parse(fs.readFileSync(files.meta, 'utf8')) as { body: string }
  if (letter.kept) writeDurably(files.body, body)
  writeDurably(files.meta, JSON.stringify(letter))
}

export function removeLetter(dir: string, sequence: number): void {
  const files = letterFiles(dir, sequence)
  fs.rmSync(files.meta, { force: true })
  fs.rmSync(files.body, { force: true })
}
