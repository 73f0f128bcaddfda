import 'reflect-metadata'
// First of our modules: a packaged app drops development overrides from its environment before the
// node's modules are even evaluated.
import { packaged } from './packaged'

import path from 'node:path'

import { fileURLToPath } from 'node:url'

import { app, dialog, type BrowserWindow } from 'electron'

import { LIVE_CHANNEL } from '../../shared/ipc'
import { registerAppScheme, serveRenderer } from './appProtocol'
import { watchAttention } from './attention'
import { appLinkIn, handleDeepLinks } from './deepLinks'
import { Keychain, openRemembered } from './deviceKey'
import { registerFilePicker } from './filePicker'
import { registerApiHandler } from './ipc'
import { registerLanguageChannel } from './languageChannel'
import { devServerUrl } from './launchPolicy'
import { NodeHostClient } from './nodeHostClient'
import { languageOf, say, sayError, setShellLanguage } from './shellWords'
import { createMainWindow } from './window'

// The shell stays thin: the node (store, agent, database) is pure Node code in electron/node, run in
// its own utilityProcess (electron/nodeHost) so its synchronous work never stalls this process.
let node: NodeHostClient | undefined
let mainWindow: BrowserWindow | undefined
// A link that arrived before the window could take it (the launch that opened the app).
let pendingLink = appLinkIn(process.argv)?.url

registerAppScheme()

function openLink(url: string): void {
  const link = appLinkIn([url])
  if (!link) return
  if (!mainWindow) {
    pendingLink = url
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
  mainWindow.webContents.send(LIVE_CHANNEL, link.topic, { url })
}

// One instance per data directory: a second launch hands over to the first (and its custos:// link).
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv) => {
    const link = appLinkIn(argv)
    if (link) return openLink(link.url)
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  handleDeepLinks(app, openLink)
  void start()
}

async function start(): Promise<void> {
  await app.whenReady()
  // Until the window says the person's choice, the shell speaks the system's language.
  setShellLanguage(languageOf(app.getPreferredSystemLanguages()))
  const outDir = fileURLToPath(new URL('..', import.meta.url))
  // "Remember on this device": the store's key as the OS keychain keeps it (deviceKey/), read first so
  // the node host starts knowing whether one is held.
  const keychain = new Keychain(path.join(app.getPath('userData'), 'device-key'))
  const rememberedKey = keychain.read()
  // A packaged node finds its resources only where the installer put them.
  const host = new NodeHostClient(
    path.join(outDir, 'main', 'nodeHost.js'),
    {
      dataDir: path.join(app.getPath('userData'), 'node'),
      packagedResources: packaged ? process.resourcesPath : undefined,
    },
    keychain,
  )
  try {
    await host.start()
    node = host
    // Before the window exists, so it opens on the unlocked store instead of flashing the unlock screen.
    await openRemembered(host, keychain, rememberedKey)
  } catch (error) {
    dialog.showErrorBox(say('cannotStart'), sayError(error))
    app.exit(1)
    return
  }
  serveRenderer(path.join(outDir, 'renderer'))
  // A packaged app never loads a page from a dev server, whatever the environment says.
  const devUrl = devServerUrl(packaged, process.env)
  const { window, isTrustedUrl } = createMainWindow({ outDir, devUrl })
  mainWindow = window
  registerApiHandler((method, input) => host.call(method, input), isTrustedUrl)
  registerFilePicker(isTrustedUrl)
  registerLanguageChannel(isTrustedUrl)
  host.on('live', (topic, data) => window.webContents.send(LIVE_CHANNEL, topic, data))
  // The store is locked again after a restart: the window goes back to the unlock screen and says why.
  host.on('crashed', (restarting) => window.webContents.send(LIVE_CHANNEL, 'node', { crashed: true, restarting }))
  const resources = packaged ? path.join(process.resourcesPath, 'resources') : path.join(outDir, '..', 'resources')
  const stopAttention = watchAttention(host, window, path.join(resources, 'icons', 'tray.png'))
  // The page asks for it once it is ready to show the accept screen (a link from the launch itself).
  window.webContents.once('did-finish-load', () => {
    if (pendingLink) openLink(pendingLink)
    pendingLink = undefined
  })
  window.on('closed', () => {
    stopAttention()
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
