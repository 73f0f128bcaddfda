import type { CustosApi } from '../../shared/api'
import { webBridgeClient } from './webBridgeClient'

// One client whatever the transport: the desktop preload exposes window.custos; headless mode
// (a later issue) will provide the same shape over the loopback bridge.
declare global {
  interface Window {
    custos?: typeof import('../../electron/preload').custosBridge
  }
}

export function apiClient(): CustosApi {
  // No preload: the page came from the node's loopback web bridge (headless mode).
  if (!window.custos) return webBridgeClient()
  return window.custos
}
