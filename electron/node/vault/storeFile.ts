import fs from 'node:fs'
import path from 'node:path'

import { StoreCorruptError, StoreNotFoundError } from '../../../shared/errors'
import { Store } from '@openwallet-foundation/askar-shared'

import type { DataDirLayout } from '../platform'
import { storeOpenError } from './storeOpenError'
import { askarKey } from './rekeyStore'
import type { StoreKey } from './walletConfig'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** The store file is there and is an SQLite file (StoreNotFound or StoreCorrupt otherwise). */
export function checkStoreFile(file: string): void {
  if (!fs.existsSync(file)) throw new StoreNotFoundError(file)
  const header = Buffer.alloc(SQLITE_HEADER.length)
  const fd = fs.openSync(file, 'r')
  const read = fs.readSync(fd, header, 0, header.length, 0)
  fs.closeSync(fd)
  if (read < header.length || !header.equals(SQLITE_HEADER)) {
    throw new StoreCorruptError(file, 'not an Askar store file')
  }
}

/**
 * Even a refused open writes to the store (SQLite's change counters when Askar's pool closes). Trying a
 * key on a copy first lets a wrong one leave the store byte-for-byte as it was.
 */
export async function verifyKeyOnCopy(layout: DataDirLayout, key: StoreKey): Promise<void> {
  const dir = fs.mkdtempSync(path.join(layout.tmpDir, 'unlock-'))
  const copy = path.join(dir, path.basename(layout.storeFile))
  try {
    fs.copyFileSync(layout.storeFile, copy)
    const wal = `${layout.storeFile}-wal`
    if (fs.existsSync(wal)) fs.copyFileSync(wal, `${copy}-wal`)
    const store = await Store.open({ uri: `sqlite://${copy}`, ...askarKey(key) })
    await store.close()
  } catch (error) {
    throw storeOpenError(layout.storeFile, error)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Askar closes its connection pool in the background; until then SQLite's -wal/-shm side files exist.
 * Waiting lets lock() return with everything in the main file, and a failed unlock leave the folder
 * exactly as it was.
 */
export async function waitForStoreReleased(storeFile: string, timeoutMs = 10_000): Promise<void> {
  const sideFiles = [`${storeFile}-wal`, `${storeFile}-shm`]
  const deadline = Date.now() + timeoutMs
  while (sideFiles.some((file) => fs.existsSync(file)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
