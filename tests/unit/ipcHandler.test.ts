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

const APP = 'file:///app/out/renderer/index.html'
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } })

describe('IPC handler of the API contract', () => {
  const dispatch = vi.fn(async (method: unknown, input: unknown) => {
    if (method === 'vault.unlock') throw new WrongPassphraseError()
    if (method === 'boom') throw new Error('secret internal detail')
    return { method, input }
  })
  const unregister = registerApiHandler(dispatch, (url) => url === APP)
  const handler = handlers.get(IPC_CHANNEL)!

  it('dispatches calls from the app window', async () => {
    expect(await handler(frame(APP), 'vault.status', undefined)).toEqual({
      ok: true,
      value: { method: 'vault.status', input: undefined },
    })
  })

  it('refuses a navigated-away page and an embedded frame without reaching the node', async () => {
    dispatch.mockClear()
    for (const event of [frame('https://evil.example/'), frame(APP, { url: APP }), { senderFrame: null }]) {
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

  it('unregisters', () => {
    unregister()
    expect(handlers.has(IPC_CHANNEL)).toBe(false)
  })
})
