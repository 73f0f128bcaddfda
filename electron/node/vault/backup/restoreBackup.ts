import fs from 'node:fs'
import path from 'node:path'

import type { BackupManifest } from '../../../../shared/api'
import { BackupDamagedError, BackupPassphraseWrongError, WrongPassphraseError } from '../../../../shared/errors'
import type { DataDirLayout } from '../../platform'
import { rekeyStore } from '../rekeyStore'
import type { PassphraseKdf } from '../walletConfig'
import { readArchive } from './archiveReader'
import { decodeHeader, HEADER_READ_BYTES, type BackupHeader } from './backupFormat'
import { checkMatches, deriveBackupKeys } from './backupKey'

/** The manifest of a backup file, read without its passphrase. */
export function readBackupHeader(source: string): { header: BackupHeader; bytes: Buffer } {
  let start: Buffer
  try {
    const fd = fs.openSync(source, 'r')
    try {
      start = Buffer.alloc(HEADER_READ_BYTES)
      start = start.subarray(0, fs.readSync(fd, start, 0, start.length, 0))
    } finally {
      fs.closeSync(fd)
    }
  } catch (error) {
    throw new BackupDamagedError(`it cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: error,
    })
  }
  return decodeHeader(start)
}

export function readBackupManifest(source: string): BackupManifest {
  return readBackupHeader(source).header.manifest
}

/**
 * Unpacks a backup into scratch space inside the data directory, checks all of it (the tag, the store
 * opening under the backup passphrase), re-keys the store to the passphrase this device will use, and
 * only then moves the files into place. Any failure leaves the data directory without a store or
 * database, as it was; a crash half way leaves only scratch space, which is emptied at the next open.
 */
export async function restoreBackup(
  layout: DataDirLayout,
  options: { source: string; backupPassphrase: string; passphrase: string; kdf: PassphraseKdf },
): Promise<BackupManifest> {
  const { header, bytes } = readBackupHeader(options.source)
  const keys = await deriveBackupKeys(options.backupPassphrase, header.kdf)
  if (!checkMatches(keys, header.check)) throw new BackupPassphraseWrongError()
  const staging = fs.mkdtempSync(path.join(layout.tmpDir, 'restore-'))
  const placed: string[] = []
  try {
    const names = await readArchive(options.source, bytes, keys.encryption, Buffer.from(header.iv, 'base64'), staging)
    if (!names.includes('vault/askar.sqlite') || !names.includes('app/custos.db')) {
      throw new BackupDamagedError('the store or the app database is missing from it')
    }
    const storeKdf = header.manifest.storeKdf === 'argon2i-int' ? 'argon2i-int' : 'argon2i-mod'
    await rekeyStore(
      path.join(staging, 'vault/askar.sqlite'),
      { kdf: storeKdf, passphrase: options.backupPassphrase },
      { kdf: options.kdf, passphrase: options.passphrase },
    ).catch((error: unknown) => {
      // The outer layer opened with this passphrase, so the store inside was not made with it.
      throw error instanceof WrongPassphraseError ? new BackupDamagedError('its store does not open') : error
    })
    // The store last: its presence is what makes the directory a node's.
    for (const name of [...names.filter((n) => n !== 'vault/askar.sqlite'), 'vault/askar.sqlite']) {
      const target = path.join(layout.root, name)
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 })
      fs.renameSync(path.join(staging, name), target)
      placed.push(target)
    }
    return header.manifest
  } catch (error) {
    for (const target of placed) fs.rmSync(target, { force: true })
    throw error
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
