import path from 'node:path'

import { BrowserWindow, shell } from 'electron'

import { APP_ORIGIN } from './appProtocol'

export interface WindowOptions {
  outDir: string
  /** The dev server's URL; honoured only in an unpackaged build. */
  devUrl?: string
}

// Hardened defaults: the renderer is a web page with no Node, sandboxed, isolated from the preload,
// denied every permission, and kept on the app's own origin.
export function createMainWindow(options: WindowOptions): {
  window: BrowserWindow
  isTrustedUrl: (url: string) => boolean
} {
  const { devUrl } = options
  const isTrustedUrl = (url: string) => (devUrl ? url.startsWith(devUrl) : url.startsWith(`${APP_ORIGIN}/`))

  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    show: false,
    title: 'Custos',
    webPreferences: {
      preload: path.join(options.outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  const session = window.webContents.session
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  window.once('ready-to-show', () => window.show())
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`)
  return { window, isTrustedUrl }
}
