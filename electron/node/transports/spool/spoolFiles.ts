import fs from 'node:fs'

/** One envelope waiting on disk; its body stays there until it is processed (`body`). */
export interface SpoolEntry {
  file: string
  sequence: number
  remote: string
  receivedAt: string
  bytes: number
}

export async function writeFlushed(file: string, ...parts: Array<string | Buffer>): Promise<void> {
  const handle = await fs.promises.open(file, 'w', 0o600)
  try {
    // writeFile goes on from where the part before it ended, and writes each part whole.
    for (const part of parts) await handle.writeFile(part)
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

export interface StoredEntry {
  sequence: number
  remote: string
  receivedAt: string
  body: string
}

/**
 * An entry is a line of JSON about it, then the envelope's bytes as they arrived: no copy of a large
 * body is made to escape it into JSON. Entries an earlier version wrote (one JSON object) still read.
 */
export function entryFileParts(entry: Omit<StoredEntry, 'body'>, body: string | Buffer): [string, string | Buffer] {
  return [`${JSON.stringify({ ...entry, format: 2 })}\n`, body]
}

export function readEntry(file: string): StoredEntry | undefined {
  try {
    const bytes = fs.readFileSync(file)
    const newline = bytes.indexOf(0x0a)
    const head = newline > 0 ? (JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { format?: number }) : {}
    if (head.format === 2) return { ...(head as StoredEntry), body: bytes.subarray(newline + 1).toString('utf8') }
    return JSON.parse(bytes.toString('utf8')) as StoredEntry
  } catch {
    // A leftover .tmp never gets here; a damaged entry is left for the person to see in the folder.
    return undefined
  }
}
