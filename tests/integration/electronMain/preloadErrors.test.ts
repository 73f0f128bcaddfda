import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CustosError } from '../../../shared/errors'
import type { IpcReply } from '../../../shared/ipc'

// The real preload as electron-vite bundles it (out/preload/index.cjs), loaded under Node with a stand-in
// for `electron`: Electron's binary cannot be installed here. The stand-in's contextBridge copies values
// the way Electron's does (docs: contextBridge, "Parameter / Error / Return Type support"): plain data is
// cloned, and an Error crosses with its message only, so a custom `code` property would be lost.
const root = process.cwd()
const bundle = path.join(root, 'out', 'preload', 'index.cjs')
type Exposed = Record<string, (input: unknown) => Promise<unknown>>
type Loader = { _load: (request: string, parent: unknown, isMain: boolean) => unknown }

function acrossTheBridge(api: Exposed): Exposed {
  return Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [
      name,
      (input: unknown) =>
        fn(structuredClone(input)).then(
          (value) => structuredClone(value),
          (error: Error) => Promise.reject(new Error(error.message)),
        ),
    ]),
  )
}

describe('typed errors across the preload bridge', () => {
  let exposed: Exposed
  const loader = Module as unknown as Loader
  const originalLoad = loader._load

  beforeAll(() => {
    if (!fs.existsSync(bundle)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
    const reply: IpcReply = { ok: false, error: { code: 'WrongPassphrase', message: 'The passphrase is not correct.' } }
    const electron = {
      contextBridge: { exposeInMainWorld: (_key: string, api: Exposed) => (exposed = acrossTheBridge(api)) },
      ipcRenderer: {
        invoke: async (_channel: string, method: string) =>
          method === 'vault.status' ? { ok: true, value: { state: 'locked' } } : reply,
      },
    }
    loader._load = (request, parent, isMain) =>
      request === 'electron' ? electron : originalLoad.call(Module, request, parent, isMain)
    createRequire(import.meta.url)(bundle)
  })
  afterAll(() => {
    loader._load = originalLoad
    Reflect.deleteProperty(globalThis, 'window')
  })

  it('reaches the renderer client as a CustosError with its code, and values as they were', async () => {
    Object.assign(globalThis, { window: { custos: exposed } })
    const { apiClient } = await import('../../../renderer/src/apiClient')
    expect(await apiClient()['vault.status'](undefined)).toEqual({ state: 'locked' })
    const failure = await apiClient()
      ['vault.unlock']({ passphrase: 'wrong' })
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(CustosError)
    expect(failure).toMatchObject({ code: 'WrongPassphrase', message: 'The passphrase is not correct.' })
  })
})
