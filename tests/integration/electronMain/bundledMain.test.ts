import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeTmpDir } from '../../helpers/tmpDir'

// The Electron main process as electron-vite bundles it (out/main/index.js), run under plain Node
// with a stand-in for the `electron` module (tests/helpers/electronStub): Electron's binary cannot be
// installed here. Everything else is real: the koffi Askar binding, the store, the app database.
const root = process.cwd()
const bundle = path.join(root, 'out', 'main', 'index.js')

describe('the bundled Electron main process', () => {
  const tmp = makeTmpDir()
  let result: Record<string, unknown>

  beforeAll(() => {
    if (!fs.existsSync(bundle)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
    const out = execFileSync(process.execPath, [path.join(root, 'tests/helpers/electronStub/runMain.mjs'), bundle], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STUB_USER_DATA: tmp.dir, STUB_PASSPHRASE: 'a passphrase for the shell test' },
    })
    result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>
  })
  afterAll(() => tmp.cleanup())

  it('opens a hardened window on the built renderer', () => {
    expect(result.error).toBeUndefined()
    expect(result.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(result.windowUrl).toBe(`file://${path.join(root, 'out', 'renderer', 'index.html')}`)
  })

  it('serves the API over IPC on an Askar store through the koffi binding', () => {
    expect(result.create).toMatchObject({ ok: true, value: { state: 'unlocked', askarVersion: '0.4.6' } })
    expect(result.put).toMatchObject({ ok: true, value: { label: 'Name', value: 'Ada' } })
    expect(fs.existsSync(path.join(tmp.dir, 'node', 'vault', 'askar.sqlite'))).toBe(true)
  })

  it('refuses other senders and bad payloads with typed errors', () => {
    expect(result.refused).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
    expect(result.badInput).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
  })

  it('closes the node before quitting, giving the data directory back', () => {
    expect(result.quit).toBe(true)
    expect(fs.existsSync(path.join(tmp.dir, 'node', 'custos.lock'))).toBe(false)
  })
})
