import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { BrowserWindow, shell } from 'electron'

// Hardened defaults: the renderer is a web page with no Node, sandboxed, isolated from the preload.
export function createMainWindow(outDir: string): { window: BrowserWindow; isTrustedUrl: (url: string) => boolean } {
  const devUrl = process.env.ELECTRON_RENDERER_URL
  const indexUrl = pathToFileURL(path.join(outDir, 'renderer', 'index.html')).href
  const isTrustedUrl = (url: string) => (devUrl ? url.startsWith(devUrl) : url.split('#')[0] === indexUrl)

  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    show: false,
    title: 'Custos',
    webPreferences: {
      preload: path.join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  if (devUrl) void window.loadURL(devUrl)
  else void window.loadURL(indexUrl)
  return { window, isTrustedUrl }
}
