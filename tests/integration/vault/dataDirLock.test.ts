import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { DataDirLock } from '../../../electron/node/platform'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('the data-directory lock', () => {
  it('treats a lock whose owner is not written yet as held, not as stale (a racer is mid-acquire)', () => {
    const tmp = makeTmpDir()
    const lockDir = path.join(tmp.dir, 'custos.lock')
    // What a second process sees in the instant after the first one took the lock.
    fs.mkdirSync(lockDir)
    expect(() => DataDirLock.acquire(tmp.dir, lockDir)).toThrowError(/already in use/)
    expect(fs.existsSync(lockDir)).toBe(true)
    tmp.cleanup()
  })

  it('is held by exactly one of many acquirers at once, and free again after release', () => {
    const tmp = makeTmpDir()
    const lockDir = path.join(tmp.dir, 'custos.lock')
    const outcomes = Array.from({ length: 20 }, () => {
      try {
        return DataDirLock.acquire(tmp.dir, lockDir)
      } catch {
        return undefined
      }
    })
    const held = outcomes.filter((lock) => lock !== undefined)
    expect(held).toHaveLength(1)
    held[0]?.release()
    DataDirLock.acquire(tmp.dir, lockDir).release()
    expect(fs.existsSync(lockDir)).toBe(false)
    tmp.cleanup()
  })
})
