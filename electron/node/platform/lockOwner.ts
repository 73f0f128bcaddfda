import fs from 'node:fs'
import os from 'node:os'

/** Who holds a data directory's lock: for the message a second process shows, and to spot a dead holder. */
export interface LockOwner {
  pid: number
  host: string
  since: string
}

// Beside the lock directory, not in it: proper-lockfile removes a stale lock with rmdir.
const ownerFile = (lockDir: string) => `${lockDir}.owner`

export function writeOwner(lockDir: string): void {
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() }
  fs.writeFileSync(ownerFile(lockDir), JSON.stringify(owner), { mode: 0o600 })
}

export function readOwner(lockDir: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(ownerFile(lockDir), 'utf8')) as Partial<LockOwner>
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, host: String(parsed.host), since: String(parsed.since) }
      : undefined
  } catch {
    return undefined
  }
}

/** True only when the holder was on this host and its process no longer exists. */
export function ownerIsGone(owner: LockOwner): boolean {
  // A lock written on another host (a shared folder) cannot be checked; its staleness decides instead.
  if (owner.host !== os.hostname()) return false
  try {
    process.kill(owner.pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

export function removeOwner(lockDir: string): void {
  if (readOwner(lockDir)?.pid === process.pid) fs.rmSync(ownerFile(lockDir), { force: true })
}
