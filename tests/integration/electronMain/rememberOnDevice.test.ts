import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeTmpDir, readTree } from '../../helpers/tmpDir'

// "Remember on this device" through the bundled main process (out/main/index.js) under plain Node, with
// the `electron` stand-in whose safeStorage plays the OS keychain; the node host, Askar store and app
// database are real. Each launch is a new process on the same userData folder, as a person's restarts are.
const root = process.cwd()
const bundle = path.join(root, 'out', 'main', 'index.js')
const PASS = 'a passphrase for the remember test'
type Reply = { ok: boolean; value?: Record<string, unknown>; error?: { code: string } }
type Launch = { error?: string; replies: Reply[]; sent: unknown[]; quit: boolean }

describe('remember on this device, in the desktop app', () => {
  const tmp = makeTmpDir()
  const keyFile = path.join(tmp.dir, 'device-key')
  const wrappedFile = path.join(tmp.dir, 'node', 'vault', 'passphrase-key.json')
  const launch = (calls: [string, unknown?][], env: Record<string, string> = {}): Launch => {
    const out = execFileSync(process.execPath, [path.join(root, 'tests/helpers/electronStub/runCalls.mjs'), bundle], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STUB_USER_DATA: tmp.dir, STUB_CALLS: JSON.stringify(calls), ...env },
    })
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Launch
  }
  // What the stand-in's keychain holds, decrypted the way only this "OS account" could.
  const keptKey = (): string => {
    const blob = fs.readFileSync(keyFile)
    const key = crypto.createHash('sha256').update('the stub OS keychain').digest()
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12))
    decipher.setAuthTag(blob.subarray(12, 28))
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8')
  }

  beforeAll(() => {
    if (!fs.existsSync(bundle)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
  })
  afterAll(() => tmp.cleanup())

  it('turns on at unlock; the key goes to the keychain and never to the window', () => {
    const first = launch([
      ['vault.create', { passphrase: PASS }],
      ['selfDeclared.put', { label: 'Name', value: 'Ada' }],
      ['vault.lock'],
      ['vault.unlock', { passphrase: PASS, remember: true }],
    ])
    expect(first.error).toBeUndefined()
    expect(first.replies[0]).toMatchObject({ ok: true, value: { remembered: false, rememberAvailable: true } })
    expect(first.replies[3]).toMatchObject({ ok: true, value: { state: 'unlocked', remembered: true } })
    const key = keptKey()
    expect(key).toMatch(/^[1-9A-HJ-NP-Za-km-z]{40,50}$/)
    expect(JSON.stringify(first)).not.toContain(key)
    for (const [file, bytes] of readTree(tmp.dir)) expect(bytes.includes(key), file).toBe(false)
    expect(first.quit).toBe(true)
  })

  it('opens the store at the next launch without the passphrase; the passphrase still opens it', () => {
    const next = launch([
      ['vault.status'],
      ['selfDeclared.list'],
      ['vault.lock'],
      ['vault.unlock', { passphrase: 'not the passphrase', remember: true }],
      ['vault.unlock', { passphrase: PASS, remember: true }],
    ])
    expect(next.replies[0]).toMatchObject({ ok: true, value: { state: 'unlocked', remembered: true } })
    expect(next.replies[1]).toMatchObject({ ok: true, value: [{ label: 'Name', value: 'Ada' }] })
    expect(next.replies[3]).toMatchObject({ ok: false, error: { code: 'WrongPassphrase' } })
    expect(next.replies[4]).toMatchObject({ ok: true, value: { state: 'unlocked', remembered: true } })
    expect(JSON.stringify(next)).not.toContain(keptKey())
  })

  it('turns off in Settings with the passphrase: both files go, and the next launch asks for it', () => {
    const off = launch([['vault.setRemembered', { passphrase: PASS, remember: false }]])
    expect(off.replies[0]).toMatchObject({ ok: true, value: { state: 'unlocked', remembered: false } })
    expect(fs.existsSync(keyFile)).toBe(false)
    expect(fs.existsSync(wrappedFile)).toBe(false)
    const after = launch([['vault.status'], ['vault.unlock', { passphrase: PASS }]])
    expect(after.replies[0]).toMatchObject({ ok: true, value: { state: 'locked', remembered: false } })
    expect(after.replies[1]).toMatchObject({ ok: true, value: { state: 'unlocked' } })
  })

  it('a cleared keychain: the launch asks for the passphrase, which turns remembering off', () => {
    launch([
      ['vault.unlock', { passphrase: PASS }],
      ['vault.setRemembered', { passphrase: PASS, remember: true }],
    ])
    expect(fs.existsSync(keyFile)).toBe(true)
    const cleared = launch([['vault.status'], ['vault.unlock', { passphrase: PASS, remember: false }]], {
      STUB_KEYCHAIN_SECRET: 'a keychain that was replaced',
    })
    expect(cleared.replies[0]).toMatchObject({ ok: true, value: { state: 'locked', remembered: false } })
    expect(cleared.replies[1]).toMatchObject({ ok: true, value: { state: 'unlocked', remembered: false } })
    expect(fs.existsSync(keyFile)).toBe(false)
    expect(fs.existsSync(wrappedFile)).toBe(false)
  })

  it('is not offered without a keychain, nor with Linux basic_text, and says so if asked', () => {
    for (const STUB_KEYCHAIN of ['unavailable', 'basic_text']) {
      const none = launch(
        [
          ['vault.status'],
          ['vault.unlock', { passphrase: PASS, remember: true }],
          ['vault.unlock', { passphrase: PASS }],
        ],
        { STUB_KEYCHAIN },
      )
      expect(none.replies[0]).toMatchObject({ ok: true, value: { state: 'locked', rememberAvailable: false } })
      expect(none.replies[1]).toMatchObject({ ok: false, error: { code: 'DeviceKeyUnavailable' } })
      expect(none.replies[2]).toMatchObject({ ok: true, value: { state: 'unlocked', remembered: false } })
    }
  })
})
