import crypto from 'node:crypto'
import fs from 'node:fs'

const CHUNK = 1024 * 1024

export interface ArchiveFile {
  /** The path inside the data directory it is restored to, e.g. vault/askar.sqlite. */
  name: string
  source: string
}

/**
 * Writes header + encrypted entries + tag to `destination` by way of a `.partial` file renamed at the
 * end, so an interrupted export never leaves something that looks like a finished backup. An entry is
 * its name's length (u32), the name, its size (u64) and its bytes; a zero length ends the archive.
 */
export async function writeArchive(
  destination: string,
  header: Buffer,
  key: Buffer,
  iv: Buffer,
  files: ArchiveFile[],
): Promise<number> {
  const partial = `${destination}.partial`
  const out = await fs.promises.open(partial, 'wx', 0o600)
  try {
    await out.write(header)
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv).setAAD(header)
    for (const file of files) {
      const size = (await fs.promises.stat(file.source)).size
      await out.write(cipher.update(entryHead(file.name, size)))
      const input = await fs.promises.open(file.source, 'r')
      try {
        const buffer = Buffer.alloc(CHUNK)
        for (let done = 0; done < size;) {
          const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, size - done), done)
          if (bytesRead === 0) throw new Error(`${file.name} shrank while it was being backed up`)
          await out.write(cipher.update(buffer.subarray(0, bytesRead)))
          done += bytesRead
        }
      } finally {
        await input.close()
      }
    }
    // The end: a name length of zero and nothing else.
    await out.write(cipher.update(Buffer.alloc(4)))
    await out.write(cipher.final())
    await out.write(cipher.getAuthTag())
    await out.sync()
  } catch (error) {
    await out.close()
    await fs.promises.rm(partial, { force: true })
    throw error
  }
  await out.close()
  await fs.promises.rename(partial, destination)
  return (await fs.promises.stat(destination)).size
}

function entryHead(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8')
  const head = Buffer.alloc(4 + nameBytes.length + 8)
  head.writeUInt32BE(nameBytes.length, 0)
  nameBytes.copy(head, 4)
  head.writeBigUInt64BE(BigInt(size), 4 + nameBytes.length)
  return head
}
