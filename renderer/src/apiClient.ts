import type { CustosApi } from '../../shared/api'

// One client whatever the transport: the desktop preload exposes window.custos; headless mode
// (a later issue) will provide the same shape over the loopback bridge.
declare global {
  interface Window {
    custos?: typeof import('../../electron/preload').custosBridge
  }
}

export function apiClient(): CustosApi {
  if (!window.custos) throw new Error('The Custos API is not available in this window.')
  return window.custos
}
