import { describe, expect, it, vi } from 'vitest'

import { WrongPassphraseError } from '../../shared/errors'
import { IPC_CHANNEL, type IpcReply } from '../../shared/ipc'

// Electron's binary cannot be installed on these machines, so `electron` is mocked here: only
// ipcMain.handle, to capture the handler that electron/main registers.
type Handler = (event: unknown, method: unknown, input: unknown) => Promise<IpcReply>
const handlers = new Map<string, Handler>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}))

const { registerApiHandler } = await import('../../electron/main/ipc')
const { replyOf } = await import('../../electron/nodeHost/replyOf')
const { trustedUrlCheck } = await import('../../electron/main/trustedUrl')

const APP = 'app://custos/index.html'
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })

describe('IPC handler of the API contract', () => {
  // What the node host does with each call (electron/nodeHost), without a node behind it.
  const dispatch = vi.fn((method: unknown, input: unknown) =>
    replyOf(String(method), async () => {
      if (method === 'vault.unlock') throw new WrongPassphraseError()
      if (method === 'boom') throw new Error('secret internal detail')
      return { method, input }
    }),
  )
  const unregister = registerApiHandler(dispatch, trustedUrlCheck())
  const handler = handlers.get(IPC_CHANNEL)!

  it('dispatches calls from the app window', async () => {
    expect(await handler(frame(APP), 'vault.status', undefined)).toEqual({
      ok: true,
      value: { method: 'vault.status', input: undefined },
    })
  })

  it('refuses a navigated-away page and an embedded frame without reaching the node', async () => {
    dispatch.mockClear()
    for (const event of [
      frame('https://evil.example/'),
      // file:// was where the renderer used to live; any file on the disk shares that "origin".
      frame('file:///app/out/renderer/index.html'),
      frame('app://custos.evil.example/index.html'),
      frame('app://custos@evil.example/index.html'),
      frame(APP, { url: APP }),
      { senderFrame: null },
    ]) {
      const reply = await handler(event, 'vault.status', undefined)
      expect(reply.ok).toBe(false)
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('passes typed errors through by code and hides unexpected ones', async () => {
    expect(await handler(frame(APP), 'vault.unlock', { passphrase: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'WrongPassphrase' },
    })
    const reply = await handler(frame(APP), 'boom', undefined)
    expect(reply).toEqual({ ok: false, error: { code: 'Internal', message: 'Something went wrong in the node.' } })
  })

  it('trusts only the app origin, or in development only the dev server origin, compared by origin', () => {
    const app = trustedUrlCheck()
    expect(app('app://custos/')).toBe(true)
    expect(app('app://custos/assets/index.js')).toBe(true)
    for (const url of ['app://other/', 'app:custos', 'file:///index.html', 'http://localhost:5173/', 'not a url']) {
      expect(app(url), url).toBe(false)
    }
    const dev = trustedUrlCheck('http://localhost:5173')
    expect(dev('http://localhost:5173/')).toBe(true)
    expect(dev('http://localhost:5173/src/main.tsx')).toBe(true)
    // A prefix match would have let these through.
    for (const url of ['http://localhost:5173.evil.example/', 'http://localhost:51730/', APP]) {
      expect(dev(url), url).toBe(false)
    }
  })

  it('unregisters', () => {
    unregister()
    expect(handlers.has(IPC_CHANNEL)).toBe(false)
  })
})
