import { spawn } from 'node:child_process'
import fs from 'node:fs'

import { afterAll, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { apiOf, PASS } from '../../helpers/nodes'
import { makeTmpDir, readTree } from '../../helpers/tmpDir'

const NEXT = 'a new and longer passphrase'

async function opensWith(dataDir: string, passphrase: string): Promise<boolean> {
  const node = CustosNode.open({ dataDir, kdf: 'argon2i-int' })
  try {
    await node.unlock(passphrase)
    return true
  } catch {
    return false
  } finally {
    await node.close()
  }
}

describe('changing the passphrase', () => {
  const tmp = makeTmpDir()
  afterAll(() => tmp.cleanup())

  it('needs the current passphrase, refuses the old one afterwards, and keeps every record', async () => {
    const dataDir = `${tmp.dir}/node`
    const node = CustosNode.open({ dataDir, kdf: 'argon2i-int' })
    await node.createStore(PASS)
    const api = apiOf(node)
    const item = await api['selfDeclared.put']({ label: 'Name', value: 'Ada' })
    await node.lock()
    const before = readTree(`${dataDir}/vault`)
    await expect(api['vault.changePassphrase']({ current: 'not the passphrase', next: NEXT })).rejects.toMatchObject({
      code: 'WrongPassphrase',
    })
    expect(readTree(`${dataDir}/vault`)).toEqual(before)
    await expect(api['vault.changePassphrase']({ current: PASS, next: 'short' })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await node.unlock(PASS)
    expect(await api['vault.changePassphrase']({ current: PASS, next: NEXT })).toMatchObject({ state: 'unlocked' })
    await node.lock()
    await expect(node.unlock(PASS)).rejects.toMatchObject({ code: 'WrongPassphrase' })
    await node.unlock(NEXT)
    expect(await api['selfDeclared.get']({ id: item.id })).toEqual(item)
    await node.close()
  })

  it('leaves a store that opens with the old or the new passphrase when killed in the middle', async () => {
    const script = `
      import { rekeyStore } from './electron/node/vault/rekeyStore.ts'
      import './electron/node/askar/index.ts'
      process.send?.('start')
      await rekeyStore(process.argv[1], { kdf: 'argon2i-int', passphrase: process.argv[2] }, { kdf: 'argon2i-int', passphrase: process.argv[3] })
      process.send?.('done')`
    const outcomes: string[] = []
    for (const delayMs of [0, 20, 40, 60, 90, 130, 200]) {
      const dataDir = `${tmp.dir}/kill-${delayMs}`
      const node = CustosNode.open({ dataDir, kdf: 'argon2i-int' })
      await node.createStore(PASS)
      await node.close()
      const storeFile = `${dataDir}/vault/askar.sqlite`
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, storeFile, PASS, NEXT],
        {
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
          env: { ...process.env, NODE_OPTIONS: '' },
        },
      )
      const exited = new Promise((resolve) => child.once('exit', resolve))
      await new Promise((resolve) => child.once('message', resolve))
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      child.kill('SIGKILL')
      await exited
      expect(fs.existsSync(storeFile)).toBe(true)
      const old = await opensWith(dataDir, PASS)
      const next = old ? false : await opensWith(dataDir, NEXT)
      expect(old || next, `killed after ${delayMs} ms`).toBe(true)
      outcomes.push(old ? 'old' : 'new')
    }
    // Both outcomes are fine; which one each kill left is printed for the note.
    console.log(`rekey killed at 0-200 ms left: ${outcomes.join(', ')}`)
    expect(outcomes).toHaveLength(7)
  })
})
