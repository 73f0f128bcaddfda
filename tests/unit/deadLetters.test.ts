import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { DeadLetters } from '../../electron/node/transports/spool/DeadLetters'
import type { SpoolEntry } from '../../electron/node/transports/spool'
import { makeTmpDir } from '../helpers/tmpDir'

const entry = (sequence: number, remote = '127.0.0.1'): SpoolEntry => ({
  file: `/nowhere/${sequence}.json`,
  sequence,
  remote,
  receivedAt: new Date().toISOString(),
  bytes: 1000,
})

describe('dead letters', () => {
  it('keep at most the bound by count and by bytes, oldest out, and a body only when given one', () => {
    const tmp = makeTmpDir('custos-dead-')
    try {
      const dead = new DeadLetters(tmp.dir, { maxCount: 5, maxBytes: 2500, maxAgeMs: 60_000 })
      for (let n = 1; n <= 8; n++) dead.add(entry(n), 'cannot decrypt', undefined)
      expect(dead.page(100).letters.map((letter) => letter.sequence)).toEqual([8, 7, 6, 5, 4])
      expect(fs.readdirSync(tmp.dir).filter((name) => name.endsWith('.body'))).toEqual([])
      for (let n = 9; n <= 11; n++) dead.add(entry(n), 'failed: Error', 'x'.repeat(1000))
      // 3,000 bytes of bodies are over 2,500: the oldest kept body went too.
      expect(dead.page(100)).toMatchObject({ total: 4, keptBytes: 2000 })
      expect(fs.readdirSync(tmp.dir).filter((name) => name.endsWith('.body'))).toHaveLength(2)
      expect(dead.heldBy('127.0.0.1')).toEqual({ messages: 4, bytes: 2000 })
      const reopened = new DeadLetters(tmp.dir, { maxCount: 5, maxBytes: 2500, maxAgeMs: 60_000 })
      expect(reopened.page(2)).toMatchObject({ total: 4, next: 10 })
      expect(reopened.page(2, 10).letters.map((letter) => letter.sequence)).toEqual([8, 7])
    } finally {
      tmp.cleanup()
    }
  })

  it('expire, and split a letter an earlier version wrote whole, keeping its body only if it decrypted', () => {
    const tmp = makeTmpDir('custos-dead-')
    try {
      const old = {
        sequence: 1,
        remote: 'r',
        receivedAt: '2026-01-01T00:00:00.000Z',
        failedAt: '2026-01-01T00:00:00.000Z',
      }
      fs.writeFileSync(
        path.join(tmp.dir, '000000000001.json'),
        JSON.stringify({ ...old, reason: 'cannot decrypt', body: 'junk' }),
      )
      const now = new Date().toISOString()
      fs.writeFileSync(
        path.join(tmp.dir, '000000000002.json'),
        JSON.stringify({ ...old, sequence: 2, failedAt: now, reason: 'failed: Error', body: 'kept' }),
      )
      const dead = new DeadLetters(tmp.dir, { maxCount: 10, maxBytes: 1000, maxAgeMs: 24 * 60 * 60 * 1000 })
      // The first failed long ago: expired.
      expect(dead.page(10).letters).toEqual([expect.objectContaining({ sequence: 2, kept: true, bytes: 4 })])
      expect(fs.readdirSync(tmp.dir).sort()).toEqual(['000000000002.body', '000000000002.json'])
      expect(JSON.parse(fs.readFileSync(path.join(tmp.dir, '000000000002.json'), 'utf8')).body).toBeUndefined()
      expect(dead.delete('all')).toBe(1)
      expect(fs.readdirSync(tmp.dir)).toEqual([])
    } finally {
      tmp.cleanup()
    }
  })
})
