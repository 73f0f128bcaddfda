import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { FileLogger, LogFloodGuard } from '../../../electron/node/platform'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('the node log', () => {
  it('keeps text another agent chose on one line, so it cannot forge a line of its own', () => {
    const tmp = makeTmpDir()
    const file = path.join(tmp.dir, 'node.log')
    const logger = new FileLogger(file)
    const forged = 'x\n2026-01-01T00:00:00.000Z INFO vault unlocked\r\u2028'
    logger.warn(`inbound refused: ${forged}`, { error: new Error(`bad\n${forged}`) })
    logger.close()
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('\\u000a2026-01-01T00:00:00.000Z INFO vault unlocked\\u000d\\u2028')
    expect(lines.some((line) => line.startsWith('2026-01-01T00:00:00.000Z INFO'))).toBe(false)
    tmp.cleanup()
  })
})

describe('the node log over time', () => {
  it('rotates by size and keeps only the newest few files', () => {
    const tmp = makeTmpDir()
    const file = path.join(tmp.dir, 'node.log')
    // Every line written: the flood guard (below) would take 200 lines this alike for a flood.
    const everything = new LogFloodGuard(Number.MAX_SAFE_INTEGER)
    const logger = new FileLogger(file, undefined, false, { maxBytes: 1_000, keep: 2 }, everything)
    for (let n = 0; n < 200; n++) logger.info(`line ${n} ${'x'.repeat(40)}`)
    logger.close()
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['node.log', 'node.log.1', 'node.log.2'])
    for (const name of fs.readdirSync(tmp.dir))
      expect(fs.statSync(path.join(tmp.dir, name)).size).toBeLessThanOrEqual(1_000)
    // The newest line is in node.log, the one before the cut in node.log.1.
    expect(fs.readFileSync(file, 'utf8')).toContain('line 199 ')
    expect(fs.readFileSync(`${file}.2`, 'utf8')).not.toContain('line 0 ')
    tmp.cleanup()
  })
})

describe('the node log under a flood', () => {
  it('writes 20 alike lines per 10 s and one line that counts the rest; no line over 1 KiB', () => {
    const tmp = makeTmpDir()
    const file = path.join(tmp.dir, 'node.log')
    let now = 0
    const logger = new FileLogger(file, undefined, false, undefined, new LogFloodGuard(20, 10_000, () => now))
    for (let n = 0; n < 1000; n++) logger.warn(`inbound http 400 from 127.0.0.${n % 250}: not a DIDComm envelope`)
    logger.info(`Received message with type '${'t'.repeat(1024 * 1024)}'`)
    now = 10_001
    logger.info('after the flood')
    logger.close()
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(lines.filter((line) => line.includes('not a DIDComm envelope'))).toHaveLength(20)
    expect(lines.find((line) => line.includes('980 more lines like'))).toBeDefined()
    expect(lines.find((line) => line.includes("type 'tttt"))).toContain(`…[+${1024 * 1024 + 2 - 200} chars]`)
    expect(lines.at(-1)).toContain('after the flood')
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(1024)
    tmp.cleanup()
  })
})
