import type { BackupManifest } from '../../../../shared/api'
import { BackupDamagedError, BackupFormatUnsupportedError } from '../../../../shared/errors'
import type { BackupKdf } from './backupKey'

/**
 * A backup file: a first line naming the format and its version, a second line of JSON (the manifest,
 * readable without the passphrase, and what decrypting needs), then the archive encrypted with
 * AES-256-GCM (both lines are its additional data, so neither can be altered unseen), then the tag.
 */
export const BACKUP_MAGIC = 'CUSTOS-BACKUP'
export const BACKUP_FORMAT = 1
export const TAG_BYTES = 16
const MAX_HEADER_BYTES = 64 * 1024

export interface BackupHeader {
  manifest: BackupManifest
  kdf: BackupKdf
  check: string
  iv: string
}

export function encodeHeader(header: BackupHeader): Buffer {
  return Buffer.from(`${BACKUP_MAGIC} ${BACKUP_FORMAT}\n${JSON.stringify(header)}\n`, 'utf8')
}

/** The header and its length in bytes, from the first bytes of a file. */
export function decodeHeader(start: Buffer): { header: BackupHeader; bytes: Buffer } {
  const first = start.indexOf(0x0a)
  const magic = start.subarray(0, Math.max(first, 0)).toString('utf8').split(' ')
  if (first < 0 || magic[0] !== BACKUP_MAGIC) throw new BackupDamagedError('not a Custos backup')
  const version = Number(magic[1])
  if (!Number.isInteger(version) || version < 1) throw new BackupDamagedError('unknown format version')
  if (version > BACKUP_FORMAT) throw new BackupFormatUnsupportedError(version)
  const second = start.indexOf(0x0a, first + 1)
  if (second < 0 || second > MAX_HEADER_BYTES) throw new BackupDamagedError('the header is incomplete')
  let header: BackupHeader
  try {
    header = JSON.parse(start.subarray(first + 1, second).toString('utf8')) as BackupHeader
  } catch (error) {
    throw new BackupDamagedError('the header is not readable', { cause: error })
  }
  if (!isHeader(header)) throw new BackupDamagedError('the header is incomplete')
  return { header, bytes: start.subarray(0, second + 1) }
}

export const HEADER_READ_BYTES = MAX_HEADER_BYTES

function isHeader(value: BackupHeader): boolean {
  return (
    typeof value?.iv === 'string' &&
    typeof value.check === 'string' &&
    value.kdf?.name === 'scrypt' &&
    typeof value.kdf.salt === 'string' &&
    [value.kdf.N, value.kdf.r, value.kdf.p].every((n) => Number.isInteger(n) && n > 0 && n <= 2 ** 20) &&
    typeof value.manifest?.createdAt === 'string'
  )
}
