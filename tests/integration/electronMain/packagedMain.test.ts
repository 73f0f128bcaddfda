import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeTmpDir } from '../../helpers/tmpDir'

// The bundled main process (out/main/index.js) under plain Node with the `electron` stand-in, playing an
// installed app (app.isPackaged, STUB_PACKAGED=1) started with the two development overrides set: a dev
// server URL and an Askar library path. An installed app must take neither from its environment.
const root = process.cwd()
const bundle = path.join(root, 'out', 'main', 'index.js')

describe('the bundled main process of a packaged app', () => {
  const tmp = makeTmpDir()
  // Does not exist: were the override honoured, the node could not open a store (an override is exclusive).
  const plantedLibrary = path.join(tmp.dir, 'planted', 'libaries_askar.so')
  let result: Record<string, unknown>

  beforeAll(() => {
    if (!fs.existsSync(bundle)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
    const out = execFileSync(process.execPath, [path.join(root, 'tests/helpers/electronStub/runMain.mjs'), bundle], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        STUB_PACKAGED: '1',
        STUB_USER_DATA: path.join(tmp.dir, 'userData'),
        STUB_PASSPHRASE: 'a passphrase for the packaged shell test',
        ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/',
        CUSTOS_ASKAR_LIB: plantedLibrary,
      },
    })
    result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>
  })
  afterAll(() => tmp.cleanup())

  it('loads the built renderer from app://, not the dev server named in ELECTRON_RENDERER_URL', () => {
    expect(result.windowUrl).toBe('app://custos/index.html')
    // The dev server's origin is not trusted either: only app://custos may call the API.
    expect(result.refusedDevServer).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
  })

  it('removes CUSTOS_ASKAR_LIB before the node runs, so the store opens with the shipped library', () => {
    expect(result.env).toEqual({ askarLib: null, rendererUrl: null })
    expect(result.error).toBeUndefined()
    expect(result.create).toMatchObject({ ok: true, value: { state: 'unlocked' } })
  })
})
