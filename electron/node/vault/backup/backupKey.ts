import crypto from 'node:crypto'

/** scrypt's cost as recorded in each backup, so a later version can raise it and still read old files. */
export interface BackupKdf {
  name: 'scrypt'
  salt: string
  N: number
  r: number
  p: number
}

export function newBackupKdf(): BackupKdf {
  // 2^17 × 8 × 128 bytes = 128 MiB and a fraction of a second per try: costly for a guesser, fine once.
  return { name: 'scrypt', salt: crypto.randomBytes(16).toString('base64'), N: 2 ** 17, r: 8, p: 1 }
}

export interface BackupKeys {
  /** AES-256-GCM key of the archive. */
  encryption: Buffer
  /** Stored in the header: tells a wrong passphrase apart from a damaged file before decrypting anything. */
  check: string
}

export async function deriveBackupKeys(passphrase: string, kdf: BackupKdf): Promise<BackupKeys> {
  const master = await new Promise<Buffer>((resolve, reject) =>
    crypto.scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  )
  const sub = (purpose: string) => crypto.createHmac('sha256', master).update(purpose).digest()
  return { encryption: sub('custos backup encryption'), check: sub('custos backup check').toString('base64') }
}

export function checkMatches(keys: BackupKeys, stored: string): boolean {
  const a = Buffer.from(keys.check)
  const b = Buffer.from(stored)
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}
