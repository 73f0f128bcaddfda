import { describe, expect, it, vi } from 'vitest'

import { CustosError } from '../../shared/errors'
import { FILE_CHANNEL } from '../../shared/ipc'

// Electron's binary cannot be installed on these machines, so `electron` is mocked here: ipcMain.handle
// to capture the handler, and a dialog that answers as the OS dialog would (a path, or cancelled).
type Handler = (event: unknown, purpose: unknown) => Promise<string | undefined>
const handlers = new Map<string, Handler>()
const dialog = {
  showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/ada/custos.custos-backup' })),
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
}
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  BrowserWindow: { fromWebContents: (sender: unknown) => (sender ? { id: 1 } : null) },
  dialog,
}))

const { registerFilePicker } = await import('../../electron/main/filePicker')
const { trustedUrlCheck } = await import('../../electron/main/trustedUrl')
const { sayError, setShellLanguage } = await import('../../electron/main/shellWords')

const APP = 'app://custos/index.html'
const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: {} })

describe('the OS file dialog for backup and restore', () => {
  const unregister = registerFilePicker(trustedUrlCheck())
  const handler = handlers.get(FILE_CHANNEL)!

  it('answers the app window with the chosen path, and nothing when cancelled', async () => {
    expect(await handler(from(APP), 'backup-save')).toBe('/home/ada/custos.custos-backup')
    expect(dialog.showSaveDialog).toHaveBeenCalledOnce()
    expect(await handler(from(APP), 'backup-open')).toBeUndefined()
    expect(dialog.showOpenDialog).toHaveBeenCalledOnce()
  })

  it('names the files in the person’s language, and says a start error in it too', async () => {
    setShellLanguage('de')
    await handler(from(APP), 'backup-save')
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(
      { id: 1 },
      expect.objectContaining({ filters: [{ name: 'Custos-Sicherung', extensions: ['custos-backup'] }] }),
    )
    const inUse = new CustosError('DataDirInUse', 'Another Custos node (pid 7) uses /home/ada/.custos.')
    expect(sayError(inUse)).toBe(
      'Ein anderer Custos-Knoten verwendet diesen Datenordner. Schließen Sie den anderen Custos-Knoten, der diesen Ordner verwendet, und versuchen Sie es erneut.',
    )
    // Without a code the catalogues know, the node's own sentence is all there is.
    expect(sayError(new Error('disk full'))).toBe('disk full')
    setShellLanguage('en')
    expect(sayError(inUse)).toMatch(/^Another Custos node uses this data folder\. Close the other/)
  })

  it('opens nothing for another page, an embedded frame, or an unknown purpose', async () => {
    expect(await handler(from('https://evil.test/'), 'backup-save')).toBeUndefined()
    expect(await handler(from(APP, {}), 'backup-save')).toBeUndefined()
    expect(await handler(from(APP), 'anything')).toBeUndefined()
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(2)
    unregister()
    expect(handlers.has(FILE_CHANNEL)).toBe(false)
  })
})
