import fs from 'node:fs'
import path from 'node:path'

import type { SpoolEntry } from './InboundSpool'

// A file renamed into place after fsync, then the folder fsynced: after a crash it is there whole or not at all.
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
  const dirFd = fs.openSync(path.dirname(file), 'r')
  try {
    fs.fsyncSync(dirFd)
  } finally {
    fs.closeSync(dirFd)
  }
}

export async function writeFlushed(file: string, text: string): Promise<void> {
  const handle = await fs.promises.open(file, 'w', 0o600)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function readEntry(file: string): SpoolEntry | undefined {
  try {
    return { file, ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<SpoolEntry, 'file'>) }
  } catch {
    // A leftover .tmp never gets here; a damaged entry is left for the person to see in the folder.
    return undefined
  }
}
