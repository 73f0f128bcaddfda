import fs from 'node:fs'
import path from 'node:path'

import lockfile from 'proper-lockfile'

import { DataDirInUseError } from '../../../shared/errors'
import { ownerIsGone, readOwner, removeOwner, writeOwner } from './lockOwner'

// proper-lockfile's lock is a directory made with mkdir (atomic: one process wins) whose mtime the holder
// refreshes; one not refreshed for STALE_MS is taken over, which also covers a reused pid.
const STALE_MS = 10_000
const UPDATE_MS = 2_000

/**
 * One writer per data directory. Askar's SQLite would accept a second process and both would write, so
 * the node takes this lock first. Held by a live process (this one included): refused. Left by a process
 * that died on this host: taken over at once rather than after the stale time.
 */
export class DataDirLock {
  private released = false
  private readonly onExit = () => this.release()

  private constructor(
    private readonly lockDir: string,
    private readonly unlock: () => void,
  ) {
    process.once('exit', this.onExit)
  }

  static acquire(dataDir: string, lockDir: string): DataDirLock {
    fs.mkdirSync(path.dirname(lockDir), { recursive: true, mode: 0o700 })
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const unlock = lockfile.lockSync(dataDir, {
          lockfilePath: lockDir,
          realpath: false,
          stale: STALE_MS,
          update: UPDATE_MS,
          // The holder cannot refresh its lock (disk gone, clock jump): the node goes on, but says so.
          onCompromised: (error) => process.emitWarning(`custos: data directory lock compromised: ${error.message}`),
        })
        writeOwner(lockDir)
        return new DataDirLock(lockDir, unlock)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
        const owner = readOwner(lockDir)
        if (attempt === 0 && owner && ownerIsGone(owner) && takeOverFrom(lockDir, owner.since)) continue
        const who = owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process'
        throw new DataDirInUseError(dataDir, who)
      }
    }
    throw new DataDirInUseError(dataDir, 'another process that is starting at the same moment')
  }

  release(): void {
    if (this.released) return
    this.released = true
    process.removeListener('exit', this.onExit)
    removeOwner(this.lockDir)
    try {
      this.unlock()
    } catch {
      // Already gone (removed by hand, or compromised): nothing left to release.
      fs.rmSync(this.lockDir, { recursive: true, force: true })
    }
  }
}

/**
 * Moves a dead process's lock aside. The rename is atomic, so of two processes taking over at once only
 * one moves it; if what was moved is not the lock judged dead (a racer already made a new one), it is
 * put back and the directory counts as in use.
 */
function takeOverFrom(lockDir: string, deadSince: string): boolean {
  const aside = `${lockDir}.stale-${process.pid}-${Date.now()}`
  try {
    fs.renameSync(lockDir, aside)
  } catch {
    return false
  }
  if (readOwner(lockDir)?.since !== deadSince) {
    if (!fs.existsSync(lockDir)) fs.renameSync(aside, lockDir)
    return false
  }
  fs.rmSync(aside, { recursive: true, force: true })
  return true
}
