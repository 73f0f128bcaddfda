import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { Argon2, Argon2Parameters } from '@openwallet-foundation/askar-shared'

import { StoreCorruptError } from '../../../../shared/errors'
import { syncDir, writeDurably } from '../../platform'
import type { PassphraseKdf } from '../walletConfig'

// The raw store key, wrapped under the passphrase, so the passphrase keeps opening a store that a device
// remembers. The key comes from Askar's own Argon2i at the level the store used before (moderate for
// people's stores): guessing the passphrase from this file costs exactly what guessing it from the store
// did, and no second KDF enters the project. AES-256-GCM; the header is bound as associated data.
const FORMAT = 1
const LEVEL: Record<PassphraseKdf, Argon2Parameters> = {
  'argon2i-mod': Argon2Parameters.Moderate,
  'argon2i-int': Argon2Parameters.Interactive,
}

interface WrappedKey {
  format: number
  kdf: PassphraseKdf
  salt: string
  iv: string
  tag: string
  key: string
}

export function writePassphraseKey(file: string, rawKey: string, passphrase: string, kdf: PassphraseKdf): void {
  const salt = crypto.randomBytes(16)
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', wrappingKey(passphrase, kdf, salt), iv)
  cipher.setAAD(associated(kdf))
  const key = Buffer.concat([cipher.update(rawKey, 'utf8'), cipher.final()])
  const wrapped: WrappedKey = {
    format: FORMAT,
    kdf,
    salt: b64(salt),
    iv: b64(iv),
    tag: b64(cipher.getAuthTag()),
    key: b64(key),
  }
  writeDurably(file, JSON.stringify(wrapped))
}

/** The raw key, or undefined when the passphrase does not unwrap it; a damaged file is StoreCorrupt. */
export function readPassphraseKey(file: string, passphrase: string): string | undefined {
  const wrapped = parse(file)
  const decipher = crypto.createDecipheriv(
    'aes-256-gcm',
    wrappingKey(passphrase, wrapped.kdf, Buffer.from(wrapped.salt, 'base64')),
    Buffer.from(wrapped.iv, 'base64'),
  )
  decipher.setAAD(associated(wrapped.kdf))
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'))
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.key, 'base64')), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}

/** Removes the file and makes the removal durable before the caller goes on. */
export function removePassphraseKey(file: string): void {
  fs.rmSync(file, { force: true })
  syncDir(path.dirname(file))
}

function wrappingKey(passphrase: string, kdf: PassphraseKdf, salt: Buffer): Buffer {
  return Buffer.from(Argon2.derivePassword(LEVEL[kdf], Buffer.from(passphrase, 'utf8'), salt))
}

function associated(kdf: PassphraseKdf): Buffer {
  return Buffer.from(`custos passphrase-key ${FORMAT} ${kdf}`, 'utf8')
}

function parse(file: string): WrappedKey {
  let value: Partial<WrappedKey>
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WrappedKey>
  } catch (error) {
    throw new StoreCorruptError(file, 'the key file for the passphrase is not readable', { cause: error })
  }
  const fields = [value.salt, value.iv, value.tag, value.key]
  if (value.format !== FORMAT || !(value.kdf === 'argon2i-mod' || value.kdf === 'argon2i-int'))
    throw new StoreCorruptError(file, 'the key file for the passphrase has an unknown format')
  if (!fields.every((field) => typeof field === 'string' && field.length > 0))
    throw new StoreCorruptError(file, 'the key file for the passphrase is incomplete')
  return value as WrappedKey
}

const b64 = (bytes: Buffer) => bytes.toString('base64')
