import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { DataDirInUseError } from '../../../shared/errors'

interface LockOwner {
  pid: number
  host: string
  since: string
}

// One writer per data directory. Askar's SQLite would accept a second process and both would
// write, so the node takes an exclusive lock file first. A lock left by a process that died is
// taken over; one held by a live process (this one included) is refused.
export class DataDirLock {
  private released = false
  private readonly onExit = () => this.release()

  private constructor(private readonly file: string) {
    process.once('exit', this.onExit)
  }

  static acquire(dataDir: string, file: string): DataDirLock {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(file, JSON.stringify(owner), { flag: 'wx' })
        return new DataDirLock(file)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const holder = readOwner(file)
        if (holder && isAlive(holder)) {
          throw new DataDirInUseError(dataDir, `process ${holder.pid} on ${holder.host} since ${holder.since}`)
        }
        fs.rmSync(file, { force: true })
      }
    }
    throw new DataDirInUseError(dataDir, 'another process that is starting at the same moment')
  }

  release(): void {
    if (this.released) return
    this.released = true
    process.removeListener('exit', this.onExit)
    fs.rmSync(this.file, { force: true })
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, host: String(parsed.host), since: String(parsed.since) }
      : undefined
  } catch {
    return undefined
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock written on another host (a shared folder) cannot be checked; treat it as held.
  if (owner.host !== os.hostname()) return true
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
