import fs from 'node:fs'

import { afterAll, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import type { DeviceKeyKeeper } from '../../../electron/node/vault'
import { MemoryKeeper } from '../../helpers/memoryKeeper'
import { apiOf, PASS } from '../../helpers/nodes'
import { makeTmpDir, readTree } from '../../helpers/tmpDir'

// "Remember on this device" on real Askar stores: the store turned over to a raw key that a keeper (here
// in memory, in the app Electron main with the OS keychain) holds, the passphrase still opening it.
const NEXT = 'a new and longer passphrase'
const open = (dataDir: string, deviceKeys?: DeviceKeyKeeper) =>
  CustosNode.open({ dataDir, kdf: 'argon2i-int', deviceKeys })
const keyFile = (dataDir: string) => `${dataDir}/vault/passphrase-key.json`

async function newStore(dataDir: string, keeper?: DeviceKeyKeeper): Promise<string> {
  const node = open(dataDir, keeper)
  await node.createStore(PASS)
  const item = await apiOf(node)['selfDeclared.put']({ label: 'Name', value: 'Ada' })
  await node.close()
  return item.id
}

async function opens(dataDir: string, unlock: (node: CustosNode) => Promise<void>): Promise<boolean | string> {
  const node = open(dataDir)
  try {
    await unlock(node)
    return (await apiOf(node)['selfDeclared.list']()).length === 1
  } catch (error) {
    return (error as { code?: string }).code ?? String(error)
  } finally {
    await node.close()
  }
}

describe('remember on this device', () => {
  const tmp = makeTmpDir()
  afterAll(() => tmp.cleanup())

  it('turns on at unlock; then the kept key alone opens the store, and the passphrase still does', async () => {
    const dataDir = `${tmp.dir}/on`
    const keeper = new MemoryKeeper()
    await newStore(dataDir, keeper)
    const node = open(dataDir, keeper)
    expect(node.status()).toMatchObject({ state: 'locked', remembered: false, rememberAvailable: true })
    const status = await apiOf(node)['vault.unlock']({ passphrase: PASS, remember: true })
    expect(status).toMatchObject({ state: 'unlocked', remembered: true, rememberAvailable: true })
    const key = keeper.key ?? ''
    expect(key).toMatch(/^[1-9A-HJ-NP-Za-km-z]{40,50}$/)
    // A backup of a remembered store is keyed by the backup passphrase all the same.
    const backup = await apiOf(node)['vault.exportBackup']({ path: `${tmp.dir}/on.backup`, backupPassphrase: NEXT })
    expect(backup.manifest.counts).toMatchObject({ self_declared_items: 1 })
    await node.close()
    // The key is nowhere on disk in the clear; the file beside the store holds it wrapped.
    for (const [file, bytes] of readTree(dataDir)) expect(bytes.includes(key), file).toBe(false)
    expect(fs.existsSync(keyFile(dataDir))).toBe(true)

    expect(await opens(dataDir, (n) => n.unlockWithDeviceKey(key))).toBe(true)
    expect(await opens(dataDir, (n) => n.unlock(PASS))).toBe(true)
    const before = readTree(`${dataDir}/vault`)
    expect(await opens(dataDir, (n) => n.unlock('not the passphrase'))).toBe('WrongPassphrase')
    expect(await opens(dataDir, (n) => n.unlockWithDeviceKey('3oZCbx4xhvmMZnhn7ZmTdhJ7gvsVmwh4mgvKuAx6uPQ5'))).toBe(
      'WrongPassphrase',
    )
    expect(readTree(`${dataDir}/vault`)).toEqual(before)
    await expect(apiOf(open(`${tmp.dir}/nothing`))['vault.status']()).resolves.toMatchObject({ remembered: false })
  })

  it('changes the passphrase by wrapping the same key again, and turns off back to the passphrase', async () => {
    const dataDir = `${tmp.dir}/change`
    const keeper = new MemoryKeeper()
    await newStore(dataDir, keeper)
    const node = open(dataDir, keeper)
    await node.unlock(PASS, true)
    const key = keeper.key ?? ''
    await apiOf(node)['vault.changePassphrase']({ current: PASS, next: NEXT })
    expect(node.status()).toMatchObject({ state: 'unlocked', remembered: true })
    await node.close()
    expect(await opens(dataDir, (n) => n.unlock(PASS))).toBe('WrongPassphrase')
    expect(await opens(dataDir, (n) => n.unlockWithDeviceKey(key))).toBe(true)

    const again = open(dataDir, keeper)
    await again.unlock(NEXT)
    await expect(apiOf(again)['vault.setRemembered']({ passphrase: PASS, remember: false })).rejects.toMatchObject({
      code: 'WrongPassphrase',
    })
    const status = await apiOf(again)['vault.setRemembered']({ passphrase: NEXT, remember: false })
    expect(status).toMatchObject({ state: 'unlocked', remembered: false })
    expect(keeper.key).toBeUndefined()
    expect(fs.existsSync(keyFile(dataDir))).toBe(false)
    await again.close()
    expect(await opens(dataDir, (n) => n.unlockWithDeviceKey(key))).toBe('WrongPassphrase')
    expect(await opens(dataDir, (n) => n.unlock(NEXT))).toBe(true)
  })

  it('is not offered without a keychain; one that went away turns it off at the next unlock', async () => {
    const dataDir = `${tmp.dir}/unavailable`
    await newStore(dataDir)
    const before = readTree(`${dataDir}/vault`)
    const headless = open(dataDir)
    expect(headless.status()).toMatchObject({ remembered: false, rememberAvailable: false })
    await expect(headless.unlock(PASS, true)).rejects.toMatchObject({ code: 'DeviceKeyUnavailable' })
    await headless.close()
    const refusing = Object.assign(new MemoryKeeper(), { refuse: true })
    const node = open(dataDir, refusing)
    await expect(node.unlock(PASS, true)).rejects.toMatchObject({ code: 'DeviceKeyUnavailable' })
    await node.close()
    expect(readTree(`${dataDir}/vault`)).toEqual(before)

    const keeper = new MemoryKeeper()
    const desktop = open(dataDir, keeper)
    await desktop.unlock(PASS, true)
    await desktop.close()
    // The web mode on the same folder opens it with the passphrase and leaves the choice as it is.
    expect(await opens(dataDir, (n) => n.unlock(PASS))).toBe(true)
    expect(fs.existsSync(keyFile(dataDir))).toBe(true)
    // The desktop app, its keychain gone: the passphrase opens it, and the store is keyed by it again.
    const gone = Object.assign(new MemoryKeeper(keeper.key), { available: false })
    const later = open(dataDir, gone)
    await later.unlock(PASS)
    expect(later.status()).toMatchObject({ state: 'unlocked', remembered: false, rememberAvailable: false })
    await later.close()
    expect(fs.existsSync(keyFile(dataDir))).toBe(false)
    expect(gone.key).toBeUndefined()
  })
})
