import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { FileLogger } from '../../../electron/node/platform'
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
