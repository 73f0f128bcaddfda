import type { CustosApi } from '../../shared/api'
import type { PreloadGlobals } from '../../shared/ipc'
import { replyClient } from './replyClient'
import { webBridgeTransport } from './webBridgeClient'

// One client typed by the contract, whatever the transport: the desktop preload exposes window.custos
// (replies as data: contextBridge would strip an Error's code), the headless web mode the loopback
// bridge. Screens never know which is underneath.
declare global {
  // Present in the desktop app only (the preload's objects); the headless web mode has none of them.
  interface Window {
    custos?: PreloadGlobals['custos']
    custosLive?: PreloadGlobals['custosLive']
    custosFiles?: PreloadGlobals['custosFiles']
    custosLanguage?: PreloadGlobals['custosLanguage']
  }
}

let client: CustosApi | undefined

export function apiClient(): CustosApi {
  const bridge = window.custos
  // No preload: the page came from the node's loopback web bridge (headless mode).
  client ??= replyClient(bridge ? (method, input) => bridge[method](input) : webBridgeTransport)
  return client
}
