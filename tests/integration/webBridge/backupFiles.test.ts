import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { startWebBridge, type WebBridge } from '../../../electron/node/webBridge'
import { apiCall, signIn } from '../../helpers/browser/bridgeHttp'
import { makeTmpDir } from '../../helpers/tmpDir'
import { startBridgeFixture, type BridgeFixture } from './fixture'

const BACKUP_PASSPHRASE = 'a separate backup passphrase'

/** One request with a binary body and a binary answer, over real HTTP as the browser sends it. */
function send(origin: string, urlPath: string, headers: Record<string, string>, body: Buffer | string) {
  const { hostname, port } = new URL(origin)
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request({ host: hostname, port, method: 'POST', path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.once('error', reject)
    req.end(body)
  })
}
const json = (body: Buffer) => JSON.parse(body.toString('utf8')) as { ok: boolean; value?: unknown; error?: unknown }

describe('web bridge: backup by download, restore by upload', () => {
  const tmp = makeTmpDir('custos-bridge-files-')
  let source: BridgeFixture
  let fresh: { node: CustosNode; bridge: WebBridge }
  let backup: Buffer

  beforeAll(async () => {
    source = await startBridgeFixture()
    // A data folder without a store, as on a new device, behind its own bridge.
    fs.mkdirSync(path.join(tmp.dir, 'renderer'))
    fs.writeFileSync(path.join(tmp.dir, 'renderer', 'index.html'), '<!doctype html><title>stand-in</title>')
    const node = CustosNode.open({ dataDir: path.join(tmp.dir, 'fresh'), kdf: 'argon2i-int' })
    const bridge = await startWebBridge({ node, rendererDir: path.join(tmp.dir, 'renderer'), maxUploadBytes: 4 << 20 })
    fresh = { node, bridge }
  }, 60_000)
  afterAll(async () => {
    await fresh?.bridge.close()
    await fresh?.node.close()
    await source?.close()
    tmp.cleanup()
  })

  it('downloads the encrypted backup with the session only, and leaves no copy in the data folder', async () => {
    const { origin, url } = source.bridge
    const session = await signIn(url)
    await apiCall(origin, 'selfDeclared.put', { label: 'City', value: 'Utrecht' }, session)
    const input = JSON.stringify({ backupPassphrase: BACKUP_PASSPHRASE })
    const asked = { 'Content-Type': 'application/json', Origin: origin }

    const none = await send(origin, '/api/files/backup', asked, input)
    expect(none.status).toBe(401)
    expect(json(none.body)).toMatchObject({ ok: false, error: { code: 'Unauthorized' } })
    const foreign = await send(origin, '/api/files/backup', { ...asked, ...session, Origin: 'http://evil.test' }, input)
    expect(foreign.status).toBe(403)
    const asText = await send(
      origin,
      '/api/files/backup',
      { ...asked, ...session, 'Content-Type': 'text/plain' },
      input,
    )
    expect(asText.status).toBe(400)
    const short = await send(origin, '/api/files/backup', { ...asked, ...session }, '{"backupPassphrase":"short"}')
    expect(json(short.body)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })

    const reply = await send(origin, '/api/files/backup', { ...asked, ...session }, input)
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('application/octet-stream')
    expect(reply.headers['content-disposition']).toMatch(
      /^attachment; filename="custos-\d{4}-\d\d-\d\d\.custos-backup"$/,
    )
    const summary = JSON.parse(decodeURIComponent(String(reply.headers['x-custos-backup'])))
    expect(summary).toMatchObject({ bytes: reply.body.length, manifest: { nodeLabel: 'bridged' } })
    expect(summary.manifest.counts.self_declared_items).toBe(1)
    expect(reply.body.toString('utf8')).not.toContain('Utrecht')
    backup = reply.body
    // Deleted once the last byte has left, which may be a moment after this side read it.
    const left = () => fs.readdirSync(source.node.layout.tmpDir).filter((name) => name.endsWith('.custos-backup'))
    await vi.waitFor(() => expect(left()).toEqual([]))
  })

  it('refuses an upload without the session, of the wrong type or too large, and restores an uploaded one', async () => {
    const { origin, url } = fresh.bridge
    const session = await signIn(url)
    const asked = { 'Content-Type': 'application/octet-stream', Origin: origin }
    expect((await send(origin, '/api/files/upload', asked, backup)).status).toBe(401)
    const asJson = await send(
      origin,
      '/api/files/upload',
      { ...asked, ...session, 'Content-Type': 'text/plain' },
      backup,
    )
    expect(asJson.status).toBe(400)
    const tooLarge = await send(origin, '/api/files/upload', { ...asked, ...session }, Buffer.alloc((4 << 20) + 1))
    expect(tooLarge.status).toBe(413)
    expect(json(tooLarge.body)).toMatchObject({ ok: false, error: { code: 'PayloadTooLarge' } })

    const uploaded = await send(origin, '/api/files/upload', { ...asked, ...session }, backup)
    expect(uploaded.status).toBe(200)
    const { path: file } = json(uploaded.body).value as { path: string }
    expect(path.dirname(file)).toBe(fresh.node.layout.tmpDir)
    expect(fs.readFileSync(file).equals(backup)).toBe(true)
    const manifest = await apiCall(origin, 'vault.readBackupManifest', { path: file }, session)
    expect(JSON.parse(manifest.body)).toMatchObject({ ok: true, value: { nodeLabel: 'bridged' } })
    const wrong = await apiCall(
      origin,
      'vault.restoreBackup',
      { path: file, backupPassphrase: 'not the backup passphrase', passphrase: 'a new device passphrase' },
      session,
    )
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'BackupPassphraseWrong' } })
    const restored = await apiCall(
      origin,
      'vault.restoreBackup',
      { path: file, backupPassphrase: BACKUP_PASSPHRASE, passphrase: 'a new device passphrase' },
      session,
    )
    expect(JSON.parse(restored.body)).toMatchObject({ ok: true, value: { status: { state: 'unlocked' } } })
    const items = JSON.parse((await apiCall(origin, 'selfDeclared.list', undefined, session)).body)
    expect(items.value).toMatchObject([{ label: 'City', value: 'Utrecht' }])
    // The upload has done its work: it is not left in the data folder.
    expect(fs.existsSync(file)).toBe(false)
  })
})
