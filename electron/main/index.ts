import 'reflect-metadata'
// First of our modules: a packaged app drops development overrides from its environment before the
// node's modules are even evaluated.
import { packaged } from './packaged'

import path from 'node:path'

import { fileURLToPath } from 'node:url'

import { app, dialog, type BrowserWindow } from 'electron'

import { CustosNode, createApi, markPackagedApp } from '../node'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { registerApiHandler } from './ipc'
import { devServerUrl } from './launchPolicy'
import { createMainWindow } from './window'

// The shell stays thin: the node (store, agent, database) is pure Node code in electron/node.
let node: CustosNode | undefined
let mainWindow: BrowserWindow | undefined

registerAppScheme()

// One instance per data directory: a second launch hands over to the first (and its custos:// link).
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  void start()
}

async function start(): Promise<void> {
  await app.whenReady()
  try {
    // The node then finds its resources only where the installer put them.
    if (packaged) markPackagedApp()
    node = CustosNode.open({ dataDir: path.join(app.getPath('userData'), 'node') })
  } catch (error) {
    dialog.showErrorBox('Custos cannot start', (error as Error).message)
    app.exit(1)
    return
  }
  const outDir = fileURLToPath(new URL('..', import.meta.url))
  serveRenderer(path.join(outDir, 'renderer'))
  // A packaged app never loads a page from a dev server, whatever the environment says.
  const devUrl = devServerUrl(packaged, process.env)
  const { window, isTrustedUrl } = createMainWindow({ outDir, devUrl })
  mainWindow = window
  registerApiHandler(createApi(node).dispatch, isTrustedUrl)
  window.on('closed', () => {
    mainWindow = undefined
    app.quit()
  })
}

app.on('window-all-closed', () => app.quit())
app.on('before-quit', (event) => {
  if (!node) return
  event.preventDefault()
  const closing = node
  node = undefined
  void closing.close().finally(() => app.quit())
})
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})
