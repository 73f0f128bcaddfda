import 'reflect-metadata'

import path from 'node:path'

import { fileURLToPath } from 'node:url'

import { app, dialog } from 'electron'

import { CustosNode, createApi } from '../node'
import { registerApiHandler } from './ipc'
import { createMainWindow } from './window'

// The shell stays thin: the node (store, agent, database) is pure Node code in electron/node.
let node: CustosNode | undefined

async function start(): Promise<void> {
  await app.whenReady()
  try {
    node = CustosNode.open({ dataDir: path.join(app.getPath('userData'), 'node') })
  } catch (error) {
    dialog.showErrorBox('Custos cannot start', (error as Error).message)
    app.exit(1)
    return
  }
  const { window, isTrustedUrl } = createMainWindow(fileURLToPath(new URL('..', import.meta.url)))
  registerApiHandler(createApi(node).dispatch, isTrustedUrl)
  window.on('closed', () => app.quit())
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
void start()
