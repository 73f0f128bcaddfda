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
      env: {
        ...process.env,
        STUB_USER_DATA: tmp.dir,
        STUB_PASSPHRASE: 'a passphrase for the shell test',
        STUB_LINK: 'custos://invite?oob=eyJAdHlwZSI6Im5vdCByZWFsIn0',
        // A German system: the tray speaks German until the window says otherwise.
        STUB_LANGUAGES: 'de-DE,en-US',
      },
    })
    result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>
  })
  afterAll(() => tmp.cleanup())

  it('opens a hardened window on the built renderer', () => {
    expect(result.error).toBeUndefined()
    expect(result.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(result.windowUrl).toBe('app://custos/index.html')
  })

  it('serves the renderer from its own privileged scheme, with the CSP as a header, and nothing outside it', () => {
    expect(result.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    const served = result.served as Record<string, { status: number; csp: string; html: boolean }>
    expect(served['app://custos/index.html']).toMatchObject({ status: 200, html: true })
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(served['app://custos/index.html'].csp).toContain(directive)
    }
    expect(served['app://custos/index.html'].csp).not.toContain('unsafe')
    for (const url of [
      'app://custos/../../package.json',
      'app://custos/%2e%2e/%2e%2e/package.json',
      'app://custos/..%2f..%2fpackage.json',
      'app://custos/..%5c..%5cpackage.json',
      'app://elsewhere/index.html',
    ]) {
      expect(served[url], url).toMatchObject({ status: 404, html: false })
      expect(served[url].csp, url).toBe(served['app://custos/index.html'].csp)
    }
  })

  it('builds the renderer with the strict meta CSP and no trace of the dev server nonce', () => {
    const html = fs.readFileSync(path.join(root, 'out', 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? ''
    expect(meta).toContain("script-src 'self';")
    expect(meta).toContain("object-src 'none'")
    expect(meta).not.toMatch(/nonce|unsafe/)
    expect(html).not.toContain('nonce=')
  })

  it('denies every permission a page asks for', () => {
    expect(result.permissionRequest).toBe(false)
    expect(result.permissionCheck).toBe(false)
  })

  it('serves the API over IPC on an Askar store through the koffi binding', () => {
    expect(result.create).toMatchObject({ ok: true, value: { state: 'unlocked', askarVersion: '0.4.6' } })
    expect(result.put).toMatchObject({ ok: true, value: { label: 'Name', value: 'Ada' } })
    expect(fs.existsSync(path.join(tmp.dir, 'node', 'vault', 'askar.sqlite'))).toBe(true)
  })

  it('runs the node in its own process, and starts it again when it dies, with the window told', () => {
    expect(result.nodeHosts).toBe(1)
    expect(result.nodeHostPid).not.toBe(result.mainPid)
    const afterCrash = result.afterCrash as Record<string, unknown>
    expect(afterCrash.told).toEqual([{ crashed: true, restarting: true }])
    // A call in flight when it died is answered, not left hanging.
    expect(afterCrash.duringRestart).toMatchObject({ ok: false, error: { code: 'Internal' } })
    expect(afterCrash.status).toMatchObject({ ok: true, value: { state: 'locked' } })
    expect(afterCrash.unlock).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    expect(afterCrash.list).toMatchObject({ ok: true, value: [{ label: 'Name', value: 'Ada' }] })
  })

  it('has a tray icon, registers custos:// and the wallet schemes, and hands a launch link to the window once it has loaded', () => {
    expect(result.protocolClients).toEqual([
      'custos',
      'openid-credential-offer',
      'haip-vci',
      'openid4vp',
      'haip-vp',
      'eudi-openid4vp',
      'mdoc-openid4vp',
      'haip',
    ])
    expect(result.tray).toMatchObject({ tooltip: 'Custos', menu: ['Custos öffnen', 'Jetzt sperren'] })
    expect(fs.existsSync((result.tray as { image: string }).image)).toBe(true)
    expect(result.linkSent).toEqual([{ url: 'custos://invite?oob=eyJAdHlwZSI6Im5vdCByZWFsIn0' }])
  })

  it('refuses other senders and bad payloads with typed errors', () => {
    expect(result.refused).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
    expect(result.badInput).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
  })

  it('hands over to the first instance on a second launch, without opening the data directory', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'tests/helpers/electronStub/runMain.mjs'), bundle], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STUB_USER_DATA: tmp.dir, STUB_SECOND_INSTANCE: '1' },
    })
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({ windows: 0, handlers: 0, quitting: true })
  })

  it('closes the node before quitting, giving the data directory back', () => {
    expect(result.quit).toBe(true)
    expect(fs.existsSync(path.join(tmp.dir, 'node', 'custos.lock'))).toBe(false)
  })
})
