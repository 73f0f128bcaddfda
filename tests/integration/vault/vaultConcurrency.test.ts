import fs from 'node:fs'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { PASS, logText } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

// A person double-clicks Unlock, or quits while the store is still opening: the vault must end in one
// clear state with exactly one agent, or none.
describe('vault operations fired at the same time', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let node: CustosNode

  beforeEach(async () => {
    tmp = makeTmpDir()
    node = CustosNode.open({ dataDir: tmp.dir, kdf: 'argon2i-int' })
    await node.createStore(PASS)
    await node.lock()
  })
  afterEach(async () => {
    await node.close()
    tmp.cleanup()
  })

  const count = (line: string) =>
    logText(node)
      .split('\n')
      .filter((l) => l.endsWith(line)).length

  it('starts one agent for two unlocks at once, and both calls resolve unlocked', async () => {
    await Promise.all([node.unlock(PASS), node.unlock(PASS)])
    expect(node.status().state).toBe('unlocked')
    expect(count('vault unlocked')).toBe(2) // one from createStore, one from the double unlock
    await node.lock()
    expect(count('vault locked')).toBe(2)
  })

  it('ends locked when a lock comes while an unlock is still running', async () => {
    const unlocking = node.unlock(PASS)
    const locking = node.lock()
    await Promise.all([unlocking, locking])
    expect(node.status().state).toBe('locked')
    expect(count('vault locked')).toBe(count('vault unlocked'))
  })

  it('gives the data directory back only after an unlock in flight has finished and been locked', async () => {
    const unlocking = node.unlock(PASS)
    await node.close()
    await unlocking
    expect(fs.existsSync(node.layout.lockFile)).toBe(false)
    const log = logText(node).trim().split('\n')
    expect(log.at(-1)).toMatch(/node closed$/)
    expect(count('vault locked')).toBe(count('vault unlocked'))
    // Nothing of the unlock is left running: the directory opens again and the store unlocks.
    const again = CustosNode.open({ dataDir: tmp.dir, kdf: 'argon2i-int' })
    await again.unlock(PASS)
    await again.close()
  })
})
