import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { BackupDamagedError } from '../../../../shared/errors'
import { TAG_BYTES } from './backupFormat'

const CHUNK = 1024 * 1024
// Only what a backup is made of; anything else (a path that climbs out, say) means the file is not ours.
const RESTORABLE = /^(vault\/askar\.sqlite|app\/custos\.db|documents\/[A-Za-z0-9._-]{1,200})$/

/**
 * Decrypts the archive after `headerBytes` into `staging`, entry by entry. Nothing in `staging` may be
 * used before this returns: GCM's tag, checked at the end, is what says the whole file is genuine.
 */
export async function readArchive(
  source: string,
  headerBytes: Buffer,
  key: Buffer,
  iv: Buffer,
  staging: string,
): Promise<string[]> {
  const input = await fs.promises.open(source, 'r')
  try {
    const size = (await input.stat()).size
    const end = size - TAG_BYTES
    if (end < headerBytes.length) throw new BackupDamagedError('the file ends early')
    const tag = Buffer.alloc(TAG_BYTES)
    await input.read(tag, 0, TAG_BYTES, end)
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv).setAAD(headerBytes).setAuthTag(tag)
    const reader = new PlainReader(input, headerBytes.length, end, decipher)
    const names: string[] = []
    for (;;) {
      const nameLength = (await reader.take(4)).readUInt32BE(0)
      if (nameLength === 0) break
      if (nameLength > 512) throw new BackupDamagedError('an entry has no valid name')
      const name = (await reader.take(nameLength)).toString('utf8')
      if (!RESTORABLE.test(name) || names.includes(name)) throw new BackupDamagedError('an entry has no valid name')
      const bytes = Number((await reader.take(8)).readBigUInt64BE(0))
      const target = path.join(staging, name)
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
      const out = await fs.promises.open(target, 'wx', 0o600)
      try {
        for (let left = bytes; left > 0;) {
          const piece = await reader.take(Math.min(CHUNK, left))
          await out.write(piece)
          left -= piece.length
        }
        await out.sync()
      } finally {
        await out.close()
      }
      names.push(name)
    }
    reader.finish()
    return names
  } finally {
    await input.close()
  }
}

class PlainReader {
  private pending = Buffer.alloc(0)

  constructor(
    private readonly input: fs.promises.FileHandle,
    private position: number,
    private readonly end: number,
    private readonly decipher: crypto.DecipherGCM,
  ) {}

  async take(count: number): Promise<Buffer> {
    while (this.pending.length < count) {
      if (this.position >= this.end) throw new BackupDamagedError('the file ends early')
      const buffer = Buffer.alloc(Math.min(CHUNK, this.end - this.position))
      const { bytesRead } = await this.input.read(buffer, 0, buffer.length, this.position)
      this.position += bytesRead
      this.pending = Buffer.concat([this.pending, this.decipher.update(buffer.subarray(0, bytesRead))])
    }
    const out = this.pending.subarray(0, count)
    this.pending = this.pending.subarray(count)
    return out
  }

  /** The archive's end marker was read: nothing may follow it, and the tag must hold. */
  finish(): void {
    if (this.position !== this.end || this.pending.length > 0) throw new BackupDamagedError('data after the end')
    try {
      this.decipher.final()
    } catch (error) {
      throw new BackupDamagedError('it was altered or is incomplete', { cause: error })
    }
  }
}
