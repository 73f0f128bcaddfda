import fs from 'node:fs'
import path from 'node:path'

// Everything in a data directory is for its owner alone: another local user who could copy the store
// could attack the passphrase offline. On Windows Node ignores these modes; the folder under the user's
// profile is what protects it there.
const DIR_MODE = 0o700
const FILE_MODE = 0o600

/**
 * Makes files this process creates from now on private (Askar and SQLite create their own -wal/-shm
 * files, which no mode we pass reaches), and tightens what is already under `root`.
 */
export function makePrivate(root: string): void {
  process.umask(0o077)
  fs.mkdirSync(root, { recursive: true, mode: DIR_MODE })
  restrictTree(root)
}

export function restrictTree(root: string): void {
  fs.chmodSync(root, DIR_MODE)
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name)
    if (entry.isDirectory()) fs.chmodSync(full, DIR_MODE)
    else if (entry.isFile()) fs.chmodSync(full, FILE_MODE)
  }
}

/** A private scratch folder inside the data directory, emptied of what a crashed run left there. */
export function freshScratchDir(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE })
  return dir
}
