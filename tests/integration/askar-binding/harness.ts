import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { askarNodeJS } from '@openwallet-foundation/askar-nodejs'
import { AskarError, Key } from '@openwallet-foundation/askar-shared'
import type {
  Askar,
  EncryptedBuffer,
  EntryListHandle,
  KeyEntryListHandle,
  LocalKeyHandle,
} from '@openwallet-foundation/askar-shared'

import { KoffiAskar, askarLibraryPath } from '../../../electron/node/askar'

export type Transcript = Record<string, unknown>
export type Scenario = (askar: Askar, dir: string) => Promise<Transcript> | Transcript

/** Both bindings on the same library file; the reference reads LIB_ASKAR_PATH (a directory) on first use. */
export function bindings(): { koffi: KoffiAskar; reference: Askar } {
  process.env.LIB_ASKAR_PATH = path.dirname(askarLibraryPath())
  return { koffi: new KoffiAskar(), reference: askarNodeJS }
}

export function makeTempRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'custos-askar-binding-'))
}

/** Runs a scenario in its own folder and makes the transcript independent of that folder. */
export async function runScenario(scenario: Scenario, askar: Askar, dir: string): Promise<unknown> {
  fs.mkdirSync(dir, { recursive: true })
  const transcript = await scenario(askar, dir)
  return JSON.parse(JSON.stringify(transcript).replaceAll(dir, '<dir>'))
}

export const sqlite = (dir: string, name: string) => `sqlite://${path.join(dir, name)}`
export const bytes = (text: string) => new TextEncoder().encode(text)
export const text = (data: Uint8Array) => new TextDecoder().decode(data)
export const hex = (data: Uint8Array) => Buffer.from(data).toString('hex')
export const fill = (length: number, start = 1) => Uint8Array.from({ length }, (_, i) => (start + i * 7) & 0xff)
export const key = (handle: LocalKeyHandle) => new Key(handle)

/** The public view of an EncryptedBuffer, and the class of the array behind it. */
export function encrypted(enc: EncryptedBuffer) {
  const { ciphertext, tag, nonce } = enc.parts
  return { ciphertext: hex(ciphertext), tag: hex(tag), nonce: hex(nonce), arrayType: ciphertext.constructor.name }
}

export type Outcome<T> = { ok: T } | { error: { code: number; message: string } }

/** The value, or the AskarError's code and message: errors are part of what must match. */
export async function attempt<T>(fn: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: await fn() }
  } catch (error) {
    if (error instanceof AskarError) return { error: { code: error.code, message: error.message } }
    throw error
  }
}

export function readEntries(askar: Askar, list: EntryListHandle | null) {
  if (!list) return null
  try {
    // A single fetched entry reports a count of 0 but has row 0.
    const count = Math.max(askar.entryListCount({ entryListHandle: list }), 1)
    const rows = []
    for (let index = 0; index < count; index++) {
      const tags = askar.entryListGetTags({ entryListHandle: list, index })
      rows.push({
        category: askar.entryListGetCategory({ entryListHandle: list, index }),
        name: askar.entryListGetName({ entryListHandle: list, index }),
        value: text(askar.entryListGetValue({ entryListHandle: list, index })),
        tags: tags === null ? null : JSON.parse(tags),
      })
    }
    return rows
  } finally {
    askar.entryListFree({ entryListHandle: list })
  }
}

export function readKeyEntries(askar: Askar, list: KeyEntryListHandle | null) {
  if (!list) return null
  try {
    const count = Math.max(askar.keyEntryListCount({ keyEntryListHandle: list }), 1)
    const rows = []
    for (let index = 0; index < count; index++) {
      const local = askar.keyEntryListLoadLocal({ keyEntryListHandle: list, index })
      const tags = askar.keyEntryListGetTags({ keyEntryListHandle: list, index })
      rows.push({
        name: askar.keyEntryListGetName({ keyEntryListHandle: list, index }),
        algorithm: askar.keyEntryListGetAlgorithm({ keyEntryListHandle: list, index }),
        metadata: askar.keyEntryListGetMetadata({ keyEntryListHandle: list, index }),
        tags: tags === null ? null : JSON.parse(tags),
        publicKey: hex(askar.keyGetPublicBytes({ localKeyHandle: local })),
      })
      askar.keyFree({ localKeyHandle: local })
    }
    return rows
  } finally {
    askar.keyEntryListFree({ keyEntryListHandle: list })
  }
}

/** Empty entry lists (fetchAll with no match) have no row 0. */
export function readAll(askar: Askar, list: EntryListHandle | null) {
  if (list && askar.entryListCount({ entryListHandle: list }) === 0) {
    askar.entryListFree({ entryListHandle: list })
    return []
  }
  return readEntries(askar, list)
}

export function readAllKeys(askar: Askar, list: KeyEntryListHandle | null) {
  if (list && askar.keyEntryListCount({ keyEntryListHandle: list }) === 0) {
    askar.keyEntryListFree({ keyEntryListHandle: list })
    return []
  }
  return readKeyEntries(askar, list)
}
