import path from 'node:path'

import { BrowserWindow, shell, type Session } from 'electron'

import { APP_ORIGIN, trustedUrlCheck } from './trustedUrl'

export interface WindowOptions {
  outDir: string
  /** The dev server's URL; the caller passes it only in an unpackaged build. */
  devUrl?: string
}

// Hardened defaults: the renderer is a web page with no Node, sandboxed, isolated from the preload,
// denied every permission, and kept on the app's own origin.
export function createMainWindow(options: WindowOptions): {
  window: BrowserWindow
  isTrustedUrl: (url: string) => boolean
} {
  const { devUrl } = options
  const isTrustedUrl = trustedUrlCheck(devUrl)

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
  denyAllPermissions(window.webContents.session)
  window.once('ready-to-show', () => window.show())
  const stayOnOrigin = (event: { preventDefault: () => void }, url: string) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  }
  window.webContents.on('will-navigate', stayOnOrigin)
  window.webContents.on('will-redirect', stayOnOrigin)
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`)
  return { window, isTrustedUrl }
}

// The app needs no camera, microphone, notifications from the page, clipboard reads, geolocation, HID
// or anything else a web page may ask for: notifications come from main, not from the renderer.
function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
