import fs from 'node:fs'
import path from 'node:path'

/**
 * Written beside the target, flushed, renamed over it, and the folder flushed: after a crash the old file
 * or the new one is there, never half of one. The spool's entries and the wrapped store key use it.
 */
export function writeDurably(file: string, text: string): void {
  const temp = `${file}.tmp`
  const fd = fs.openSync(temp, 'w', 0o600)
  try {
    fs.writeSync(fd, text)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(temp, file)
  syncDir(path.dirname(file))
}

/** Makes a rename or removal in `dir` durable. */
export function syncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // Windows cannot open a folder to flush it; NTFS orders the rename's metadata itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}
