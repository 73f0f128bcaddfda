import fs from 'node:fs'

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

export interface StoredEntry {
  sequence: number
  remote: string
  receivedAt: string
  body: string
}

export function readEntry(file: string): StoredEntry | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as StoredEntry
  } catch {
    // A leftover .tmp never gets here; a damaged entry is left for the person to see in the folder.
    return undefined
  }
}
