import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { apiOf, PASS, startNode } from '../../helpers/nodes'
import { makeTmpDir, readTree } from '../../helpers/tmpDir'

const BACKUP_PASS = 'the backup passphrase, kept apart'

// Each bad backup gets its typed error and leaves the target data directory as empty as it was.
describe('restoring a bad backup', () => {
  const tmp = makeTmpDir()
  let good: Buffer
  let n = 0
  beforeAll(async () => {
    const node = await startNode(path.join(tmp.dir, 'source'), { label: 'source' })
    await apiOf(node)['selfDeclared.put']({ label: 'City', value: 'Ghent' })
    await apiOf(node)['vault.exportBackup']({ path: path.join(tmp.dir, 'good'), backupPassphrase: BACKUP_PASS })
    await node.close()
    good = fs.readFileSync(path.join(tmp.dir, 'good'))
  })
  afterAll(() => tmp.cleanup())

  async function restore(bytes: Buffer, backupPassphrase = BACKUP_PASS) {
    const file = path.join(tmp.dir, `variant-${++n}`)
    fs.writeFileSync(file, bytes)
    const dataDir = path.join(tmp.dir, `target-${n}`)
    const node = CustosNode.open({ dataDir, kdf: 'argon2i-int' })
    try {
      const outcome = await apiOf(node)
        ['vault.restoreBackup']({ path: file, backupPassphrase, passphrase: PASS })
        .then(
          () => 'restored',
          (error: { code?: string }) => error.code,
        )
      return { outcome, state: node.status().state, dataDir }
    } finally {
      await node.close()
    }
  }

  function expectEmpty(dataDir: string) {
    expect(fs.existsSync(path.join(dataDir, 'vault', 'askar.sqlite'))).toBe(false)
    expect(fs.existsSync(path.join(dataDir, 'app', 'custos.db'))).toBe(false)
    expect(fs.readdirSync(path.join(dataDir, 'tmp'))).toEqual([])
  }

  it('refuses a wrong backup passphrase', async () => {
    const result = await restore(good, 'not the backup passphrase')
    expect(result).toMatchObject({ outcome: 'BackupPassphraseWrong', state: 'no-store' })
    expectEmpty(result.dataDir)
  })

  it('refuses a truncated file, wherever it was cut', async () => {
    for (const keep of [10, 200, Math.floor(good.length / 2), good.length - 1]) {
      const result = await restore(good.subarray(0, keep))
      expect(result.outcome).toBe('BackupDamaged')
      expectEmpty(result.dataDir)
    }
  })

  it('refuses a file with one byte changed in the data, or in the manifest', async () => {
    const inData = Buffer.from(good)
    inData[Math.floor(good.length * 0.6)] ^= 0x01
    const data = await restore(inData)
    expect(data.outcome).toBe('BackupDamaged')
    expectEmpty(data.dataDir)

    const text = good.toString('latin1')
    const inManifest = Buffer.from(text.replace('"nodeLabel":"source"', '"nodeLabel":"sourcf"'), 'latin1')
    expect(inManifest.equals(good)).toBe(false)
    const manifest = await restore(inManifest)
    expect(manifest.outcome).toBe('BackupDamaged')
    expectEmpty(manifest.dataDir)
  })

  it('refuses a newer format version, and a file that is no backup', async () => {
    const newer = await restore(
      Buffer.from(good.toString('latin1').replace('CUSTOS-BACKUP 1', 'CUSTOS-BACKUP 2'), 'latin1'),
    )
    expect(newer.outcome).toBe('BackupFormatUnsupported')
    expectEmpty(newer.dataDir)
    const other = await restore(Buffer.from('SQLite format 3\0 and then some'))
    expect(other.outcome).toBe('BackupDamaged')
    expectEmpty(other.dataDir)
  })

  it('refuses to restore over a store, and leaves that store as it was', async () => {
    const dataDir = path.join(tmp.dir, 'occupied')
    const node = await startNode(dataDir, { label: 'occupied' })
    await node.lock()
    const before = readTree(path.join(dataDir, 'vault'))
    const file = path.join(tmp.dir, 'good')
    await expect(
      apiOf(node)['vault.restoreBackup']({ path: file, backupPassphrase: BACKUP_PASS, passphrase: PASS }),
    ).rejects.toMatchObject({ code: 'RestoreTargetNotEmpty' })
    expect(readTree(path.join(dataDir, 'vault'))).toEqual(before)
    await node.unlock(PASS)
    await expect(
      apiOf(node)['vault.exportBackup']({ path: file, backupPassphrase: BACKUP_PASS }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(
      apiOf(node)['vault.exportBackup']({ path: 'relative/file', backupPassphrase: BACKUP_PASS }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(fs.readFileSync(file).equals(good)).toBe(true)
    await node.close()
  })

  it('restores the untouched file into a directory a failed restore left', async () => {
    const failed = await restore(good, 'not the backup passphrase')
    const node = CustosNode.open({ dataDir: failed.dataDir, kdf: 'argon2i-int' })
    try {
      const file = path.join(tmp.dir, 'good')
      const answer = await apiOf(node)['vault.restoreBackup']({
        path: file,
        backupPassphrase: BACKUP_PASS,
        passphrase: PASS,
      })
      expect(answer.status.state).toBe('unlocked')
      expect((await apiOf(node)['selfDeclared.list'](undefined)).map((i) => i.value)).toEqual(['Ghent'])
    } finally {
      await node.close()
    }
  })
})
