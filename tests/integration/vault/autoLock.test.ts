import { afterAll, describe, expect, it } from 'vitest'

import { createLiveDispatch, CustosNode } from '../../../electron/node'
import { apiOf, PASS } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

// A "minute" of 100 ms here (autoLockUnitMs), so the idle time below is 500 ms.
const open = (dataDir: string) => CustosNode.open({ dataDir, kdf: 'argon2i-int', autoLockUnitMs: 100 })
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('auto-lock after the idle time the person sets', () => {
  const tmp = makeTmpDir()
  afterAll(() => tmp.cleanup())

  it('stays unlocked while used, locks when idle, tells the window, and keeps the setting', async () => {
    const dataDir = `${tmp.dir}/node`
    const node = open(dataDir)
    await node.createStore(PASS)
    const topics: unknown[] = []
    const live = createLiveDispatch(node, (topic, data) => topics.push([topic, data]))
    expect(await live.dispatch('vault.setAutoLock', { minutes: 5 })).toMatchObject({ autoLockMinutes: 5 })

    // Calls every 100 ms over a full second: never 500 ms idle.
    for (let i = 0; i < 10; i++) {
      await live.dispatch('selfDeclared.list', undefined)
      await pause(100)
    }
    expect(node.status().state).toBe('unlocked')
    await pause(1_500)
    expect(node.status().state).toBe('locked')
    expect(topics).toContainEqual(['vault', { state: 'locked' }])

    await node.close()
    const again = open(dataDir)
    expect(again.status()).toMatchObject({ state: 'locked', autoLockMinutes: 5 })
    await again.unlock(PASS)
    await apiOf(again)['vault.setAutoLock']({ minutes: null })
    await pause(1_000)
    expect(again.status()).toMatchObject({ state: 'unlocked', autoLockMinutes: null })
    live.close()
    await again.close()
  })

  it('refuses a time that is not whole minutes between 1 and 1440, and keeps the one it had', async () => {
    const node = open(`${tmp.dir}/refuses`)
    await node.createStore(PASS)
    await apiOf(node)['vault.setAutoLock']({ minutes: 10 })
    for (const minutes of [0, 1.5, 1441, -1]) {
      await expect(apiOf(node)['vault.setAutoLock']({ minutes }), String(minutes)).rejects.toMatchObject({
        code: 'InvalidInput',
      })
    }
    expect(node.status().autoLockMinutes).toBe(10)
    await node.close()
  })
})
