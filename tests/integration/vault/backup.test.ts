import fs from 'node:fs'
import path from 'node:path'

import { DidCommBasicMessageRole } from '@credo-ts/didcomm'
import { afterAll, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { freePort } from '../../helpers/freePort'
import { apiOf, connect, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const BACKUP_PASS = 'the backup passphrase, kept apart'
const NEW_PASS = 'the passphrase on the new machine'
const SECRET = 'sentinel-7f3a9c-backup'

async function received(node: CustosNode, content: string): Promise<boolean> {
  for (let i = 0; i < 150; i++) {
    const records = await node.agent.didcomm.basicMessages.findAllByQuery({ role: DidCommBasicMessageRole.Receiver })
    if (records.some((r) => r.content === content)) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

// A person's node backed up on one data directory and restored on another (another machine, as far as
// the node can tell), where it answers its old connection. The company is a Credo agent of its own.
describe('backup and restore', () => {
  const tmp = makeTmpDir()
  const open: CustosNode[] = []
  afterAll(async () => {
    for (const node of open) await node.close().catch(() => undefined)
    tmp.cleanup()
  })

  it('restores DIDs, connections and data under a new passphrase, and the node answers its old connection', async () => {
    const port = await freePort()
    const original = await startNode(path.join(tmp.dir, 'original'), { label: 'Ada', inbound: { port } })
    const company = await startNode(path.join(tmp.dir, 'company'), { label: 'company' })
    open.push(original, company)
    const { inviterConnection, inviteeConnection } = await connect(original, company)
    const item = await apiOf(original)['selfDeclared.put']({ label: 'Secret', value: SECRET })
    const dids = (await original.agent.dids.getCreatedDids()).map((d) => d.did).sort()

    const file = path.join(tmp.dir, 'ada.custos-backup')
    let started = Date.now()
    const exported = await apiOf(original)['vault.exportBackup']({ path: file, backupPassphrase: BACKUP_PASS })
    const exportMs = Date.now() - started
    expect(exported.manifest).toMatchObject({ format: 1, nodeLabel: 'Ada', storeKdf: 'argon2i-int' })
    expect(exported.manifest.counts).toMatchObject({ connections: 1, self_declared_items: 1 })
    expect(exported.bytes).toBe(fs.statSync(file).size)
    expect(fs.statSync(file).mode & 0o077).toBe(0)
    // Encrypted throughout: the data, and the manifest is all that can be read without the passphrase.
    const bytes = fs.readFileSync(file)
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false)
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    await original.close()

    const restored = CustosNode.open({ dataDir: path.join(tmp.dir, 'restored'), kdf: 'argon2i-int', inbound: { port } })
    open.push(restored)
    expect(await apiOf(restored)['vault.readBackupManifest']({ path: file })).toEqual(exported.manifest)
    started = Date.now()
    const answer = await apiOf(restored)['vault.restoreBackup']({
      path: file,
      backupPassphrase: BACKUP_PASS,
      passphrase: NEW_PASS,
    })
    console.info(`backup of a small node: export ${exportMs} ms, restore ${Date.now() - started} ms`)
    expect(answer.status.state).toBe('unlocked')
    expect((await restored.agent.dids.getCreatedDids()).map((d) => d.did).sort()).toEqual(dids)
    expect(await apiOf(restored)['selfDeclared.get']({ id: item.id })).toEqual(item)
    const connection = await restored.agent.didcomm.connections.getById(inviterConnection.id)
    expect(connection.isReady).toBe(true)

    await company.agent.didcomm.basicMessages.sendMessage(inviteeConnection.id, 'are you still there?')
    expect(await received(restored, 'are you still there?')).toBe(true)
    await restored.agent.didcomm.basicMessages.sendMessage(connection.id, 'yes, restored')
    expect(await received(company, 'yes, restored')).toBe(true)

    await restored.lock()
    await expect(restored.unlock(BACKUP_PASS)).rejects.toMatchObject({ code: 'WrongPassphrase' })
    await restored.unlock(NEW_PASS)
  })

  it('backs up and restores a store with 1,000 records', async () => {
    const source = await startNode(path.join(tmp.dir, 'thousand'), { label: 'thousand' })
    open.push(source)
    for (let n = 0; n < 1_000; n++) await source.agent.genericRecords.save({ content: { n, text: `record ${n}` } })
    const file = path.join(tmp.dir, 'thousand.custos-backup')
    let started = Date.now()
    await apiOf(source)['vault.exportBackup']({ path: file, backupPassphrase: BACKUP_PASS })
    const exportMs = Date.now() - started
    await source.close()
    const target = CustosNode.open({ dataDir: path.join(tmp.dir, 'thousand-restored'), kdf: 'argon2i-int' })
    open.push(target)
    started = Date.now()
    await apiOf(target)['vault.restoreBackup']({ path: file, backupPassphrase: BACKUP_PASS, passphrase: NEW_PASS })
    const restoreMs = Date.now() - started
    console.info(
      `backup of 1,000 records: export ${exportMs} ms, restore ${restoreMs} ms, ${fs.statSync(file).size} bytes`,
    )
    expect(await target.agent.genericRecords.getAll()).toHaveLength(1_000)
  })

  it('restores a desktop without an endpoint, which reconnects to its mediator and receives through it', async () => {
    const mediator = await startNode(path.join(tmp.dir, 'household'), { label: 'household', mediator: true })
    const desktop = await startNode(path.join(tmp.dir, 'laptop'), { label: 'laptop', inbound: undefined })
    const company = await startNode(path.join(tmp.dir, 'insurer'), { label: 'insurer' })
    open.push(mediator, desktop, company)
    const device = await apiOf(mediator)['mediation.createDeviceInvitation'](undefined)
    await apiOf(desktop)['mediation.useMediator']({ invitationUrl: device.url })
    const invitation = await apiOf(desktop)['connections.createInvitation'](undefined)
    const accepted = await apiOf(company)['connections.acceptInvitation']({ url: invitation.url })
    // Through the mediator to a desktop without an endpoint: with the suite's heaviest files beside it on two
    // cores this took over 20 s once (it takes 3 s alone), so it gets the test's own minute.
    const companyToDesktop = await company.agent.didcomm.connections.returnWhenIsConnected(accepted.id, {
      timeoutMs: 60_000,
    })
    const file = path.join(tmp.dir, 'laptop.custos-backup')
    await apiOf(desktop)['vault.exportBackup']({ path: file, backupPassphrase: BACKUP_PASS })
    await desktop.close()

    // Sent while no device is up: the mediator queues it for the restored one.
    await company.agent.didcomm.basicMessages.sendMessage(companyToDesktop.id, 'queued for the new laptop')
    const restored = CustosNode.open({ dataDir: path.join(tmp.dir, 'new-laptop'), kdf: 'argon2i-int' })
    open.push(restored)
    await apiOf(restored)['vault.restoreBackup']({ path: file, backupPassphrase: BACKUP_PASS, passphrase: NEW_PASS })
    expect((await apiOf(restored)['mediation.status'](undefined)).mediator?.label).toBe('household')
    expect(await received(restored, 'queued for the new laptop')).toBe(true)
    await company.agent.didcomm.basicMessages.sendMessage(companyToDesktop.id, 'and one live')
    expect(await received(restored, 'and one live')).toBe(true)
  })
})
