import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { promisify } from 'node:util'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { dataDirLayout } from '../../../electron/node/platform'
import { makeTmpDir, readTree } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'

describe('vault: errors leave the store as it was', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(() => tmp.cleanup())

  async function storeWithOneRecord(): Promise<string> {
    const node = CustosNode.open({ dataDir: tmp.dir })
    await node.createStore(PASS)
    const record = await node.agent.genericRecords.save({ content: { n: 1 } })
    await node.close()
    return record.id
  }

  it('refuses a wrong passphrase with WrongPassphrase and changes no byte on disk', async () => {
    const id = await storeWithOneRecord()
    const before = readTree(tmp.dir)
    const node = CustosNode.open({ dataDir: tmp.dir })
    await expect(node.unlock('not the passphrase')).rejects.toMatchObject({
      code: 'WrongPassphrase',
      message: expect.stringMatching(/passphrase is not correct/),
    })
    expect(node.status().state).toBe('locked')
    await node.close()
    const after = readTree(tmp.dir)
    const logFile = 'logs/node.log'
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    for (const [file, bytes] of before) if (file !== logFile) expect(after.get(file)?.equals(bytes), file).toBe(true)

    const again = CustosNode.open({ dataDir: tmp.dir })
    await again.unlock(PASS)
    expect((await again.agent.genericRecords.findById(id))?.content).toEqual({ n: 1 })
    await again.close()
  })

  it('gives StoreNotFound when there is no store, and creates nothing', async () => {
    const node = CustosNode.open({ dataDir: tmp.dir })
    await expect(node.unlock(PASS)).rejects.toMatchObject({ code: 'StoreNotFound' })
    await node.close()
    expect(fs.existsSync(dataDirLayout(tmp.dir).storeFile)).toBe(false)
  })

  it('gives StoreCorrupt for a store file that is not an Askar store, and leaves it untouched', async () => {
    const { storeFile } = dataDirLayout(tmp.dir)
    fs.mkdirSync(storeFile.replace(/[^/]+$/, ''), { recursive: true })
    fs.writeFileSync(storeFile, 'this is not a database')
    const node = CustosNode.open({ dataDir: tmp.dir })
    await expect(node.unlock(PASS)).rejects.toMatchObject({ code: 'StoreCorrupt' })
    await node.close()
    expect(fs.readFileSync(storeFile, 'utf8')).toBe('this is not a database')
  })

  it('gives StoreCorrupt for a store whose pages were damaged after the header', async () => {
    await storeWithOneRecord()
    const { storeFile } = dataDirLayout(tmp.dir)
    const bytes = fs.readFileSync(storeFile)
    bytes.fill(0xa5, 100, bytes.length)
    fs.writeFileSync(storeFile, bytes)
    const node = CustosNode.open({ dataDir: tmp.dir })
    await expect(node.unlock(PASS)).rejects.toMatchObject({ code: 'StoreCorrupt' })
    await node.close()
    expect(fs.readFileSync(storeFile).equals(bytes)).toBe(true)
  })

  it('refuses to create a second store over an existing one', async () => {
    await storeWithOneRecord()
    const node = CustosNode.open({ dataDir: tmp.dir })
    await expect(node.createStore(PASS)).rejects.toMatchObject({ code: 'StoreExists' })
    await node.close()
  })

  it('refuses to open the same data directory twice in one process', async () => {
    const first = CustosNode.open({ dataDir: tmp.dir })
    expect(() => CustosNode.open({ dataDir: tmp.dir })).toThrowError(/already in use by process/)
    await first.close()
    const second = CustosNode.open({ dataDir: tmp.dir })
    await second.close()
  })

  it('refuses a second process on the same data directory, and takes over a lock left by a dead one', async () => {
    const first = CustosNode.open({ dataDir: tmp.dir })
    const tryOpen = `
      import { CustosNode } from './electron/node/index.ts'
      try { CustosNode.open({ dataDir: process.argv[1] }); console.log('opened') }
      catch (e) { console.log(e.code) }`
    // Not execFileSync: the holder (this process) must go on refreshing its lock while the other starts,
    // or a start slower than the stale time (10 s) finds a lock that looks abandoned.
    const run = async () =>
      (
        await promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', tryOpen, tmp.dir],
          {
            encoding: 'utf8',
            env: { ...process.env, NODE_OPTIONS: '' },
          },
        )
      ).stdout.trim()
    expect(await run()).toBe('DataDirInUse')
    await first.close()

    // A lock as a process that died left it: the lock directory with its owner, a pid that is gone.
    const { lockFile } = dataDirLayout(tmp.dir)
    const host = (await import('node:os')).hostname()
    const plantLock = (pid: number) => {
      fs.mkdirSync(lockFile, { recursive: true })
      fs.writeFileSync(`${lockFile}.owner`, JSON.stringify({ pid, host, since: new Date().toISOString() }))
    }
    plantLock(2 ** 22 + 17)
    expect(await run()).toBe('opened')
    // A reused pid (pid 1 is alive) blocks while its lock is refreshed, as a live holder does (kept fresh
    // here for as long as the other process takes to start, which under load can pass the 10 s stale time)...
    plantLock(1)
    const refresh = setInterval(() => fs.utimesSync(lockFile, new Date(), new Date()), 1_000)
    try {
      expect(await run()).toBe('DataDirInUse')
    } finally {
      clearInterval(refresh)
    }
    // ...and no longer once the holder stopped refreshing it.
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(lockFile, old, old)
    expect(await run()).toBe('opened')
  })
})
