import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CustosError, type CustosErrorCode } from '../../../shared/errors'
import type { IpcReply } from '../../../shared/ipc'
import { acrossTheBridge } from '../../helpers/electronStub/contextBridge'

// The real preload as electron-vite bundles it (out/preload/index.cjs), loaded under Node with a stand-in
// for `electron`: Electron's binary cannot be installed here. The stand-in's contextBridge copies values
// the way Electron's does (tests/helpers/electronStub/contextBridge.ts, after Electron's docs:
// https://www.electronjs.org/docs/latest/api/context-bridge#parameter--error--return-type-support):
// an Error crosses with its message only, so a custom `code` property is lost on the way.
const root = process.cwd()
const bundle = path.join(root, 'out', 'preload', 'index.cjs')
type Exposed = Record<string, (input: unknown) => Promise<unknown>>
type Loader = { _load: (request: string, parent: unknown, isMain: boolean) => unknown }

// What main answers per method, as the IPC handler (electron/main/ipc.ts) would; 'throws' plays an
// invoke that rejects (no handler in main).
const replies: Record<string, IpcReply | 'throws'> = {}
const refusal = (code: string, message: string): IpcReply =>
  ({ ok: false, error: { code, message } }) as unknown as IpcReply

type LiveRelay = (event: unknown, ...args: unknown[]) => void
const liveRelays = new Set<LiveRelay>()

describe('typed errors across the preload bridge', () => {
  let exposed: Exposed | undefined
  let live: { subscribe(listener: (topic: string, data?: object) => void): () => void } | undefined
  const loader = Module as unknown as Loader
  const originalLoad = loader._load

  beforeAll(() => {
    if (!fs.existsSync(bundle)) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' })
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          if (key === 'custos') exposed = acrossTheBridge(api) as Exposed
          else if (key === 'custosLive') live = acrossTheBridge(api) as typeof live
          else if (key === 'custosFiles' || key === 'custosLanguage')
            acrossTheBridge(api) // the OS file dialog and the language; no errors cross them
          else throw new Error(`unexpected key ${key}`)
        },
      },
      ipcRenderer: {
        on: (_channel: string, relay: LiveRelay) => liveRelays.add(relay),
        removeListener: (_channel: string, relay: LiveRelay) => liveRelays.delete(relay),
        invoke: async (_channel: string, method: string) => {
          const reply = replies[method]
          if (reply === 'throws') throw new Error(`Error invoking remote method: no handler for ${method}`)
          return reply
        },
      },
    }
    loader._load = (request, parent, isMain) =>
      request === 'electron' ? electron : originalLoad.call(Module, request, parent, isMain)
    createRequire(import.meta.url)(bundle)
    Object.assign(globalThis, { window: { custos: exposed } })
  })
  afterAll(() => {
    loader._load = originalLoad
    Reflect.deleteProperty(globalThis, 'window')
  })

  it('crosses a stand-in bridge that loses an Error’s code, as Electron’s does', async () => {
    const bridged = acrossTheBridge({
      fail: async () => Promise.reject(Object.assign(new Error('no'), { code: 'WrongPassphrase' })),
    }) as { fail: () => Promise<void> }
    const error: unknown = await bridged.fail().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ message: 'no' })
    expect(error).not.toHaveProperty('code')
  })

  it('relays live topics to the page without the IPC event, and unsubscribes', () => {
    const heard: unknown[][] = []
    const unsubscribe = live!.subscribe((...args) => heard.push(args))
    for (const relay of liveRelays) relay({ sender: 'main internals' }, 'vault', { state: 'locked' })
    for (const relay of liveRelays) relay({ sender: 'main internals' }, 42)
    expect(heard).toEqual([['vault', { state: 'locked' }]])
    unsubscribe()
    expect(liveRelays.size).toBe(0)
  })

  it('reaches the renderer client as a CustosError with its code and message', async () => {
    const { apiClient } = await import('../../../renderer/src/apiClient')
    const cases: [string, CustosErrorCode, string][] = [
      ['vault.unlock', 'WrongPassphrase', 'The passphrase is not correct.'],
      ['vault.create', 'StoreExists', 'A store already exists here.'],
      ['selfDeclared.put', 'InvalidInput', 'label: Too small.'],
    ]
    for (const [method, code, message] of cases) {
      replies[method] = refusal(code, message)
      const client = apiClient() as unknown as Exposed
      const failure = await client[method]({}).catch((error: unknown) => error)
      expect(failure, method).toBeInstanceOf(CustosError)
      expect(failure, method).toMatchObject({ code, message })
    }
  })

  it('passes values through as they were', async () => {
    const { apiClient } = await import('../../../renderer/src/apiClient')
    replies['vault.status'] = { ok: true, value: { state: 'locked', exists: true } }
    expect(await apiClient()['vault.status'](undefined)).toEqual({ state: 'locked', exists: true })
  })

  it('turns an unknown code and an unanswered call into an Internal CustosError', async () => {
    const { apiClient } = await import('../../../renderer/src/apiClient')
    const client = apiClient() as unknown as Exposed
    replies['vault.lock'] = refusal('FromANewerNode', 'Something new went wrong.')
    replies['vault.status'] = 'throws'
    for (const method of ['vault.lock', 'vault.status']) {
      const failure = await client[method](undefined).catch((error: unknown) => error)
      expect(failure, method).toBeInstanceOf(CustosError)
      expect(failure, method).toMatchObject({ code: 'Internal' })
    }
  })
})
