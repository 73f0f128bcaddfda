import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The backup files the web bridge holds for a moment, in the data folder's tmp (cleared again at every
 * start): a download is written there and deleted once sent; an uploaded backup waits there for the
 * restore that reads it, and is deleted after it, on the next upload, or when the bridge closes.
 */
export class BackupScratch {
  private upload: string | undefined

  constructor(private readonly dir: string) {}

  /** A new file name nobody can guess or collide with; the file itself is made by whoever writes it. */
  newFile(kind: 'backup' | 'upload'): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    return path.join(this.dir, `${kind}-${randomBytes(16).toString('hex')}.custos-backup`)
  }

  /** The newest upload replaces the one before it: only one waits at a time. */
  keepUpload(file: string): void {
    if (this.upload !== file) this.remove(this.upload)
    this.upload = file
  }

  /** After a restore: the upload it read has done its work. */
  used(file: unknown): void {
    if (typeof file === 'string' && file === this.upload) {
      this.remove(file)
      this.upload = undefined
    }
  }

  remove(file: string | undefined): void {
    if (file) fs.rmSync(file, { force: true })
  }

  close(): void {
    this.used(this.upload)
  }
}
