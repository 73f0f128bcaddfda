import { apiMethodNames, type CustosApi } from '../../shared/api'
import { CustosError, custosErrorCodes, type CustosErrorCode } from '../../shared/errors'
import type { IpcReply } from '../../shared/ipc'
import { webBridgeClient } from './webBridgeClient'

// One client typed by the contract, whatever the transport: the desktop preload exposes window.custos
// (replies as data), the headless web mode the loopback bridge. Screens never know which is underneath.
declare global {
  interface Window {
    custos?: Record<string, (input: unknown) => Promise<IpcReply>>
  }
}

let desktop: CustosApi | undefined

export function apiClient(): CustosApi {
  const bridge = window.custos
  // No preload: the page came from the node's loopback web bridge (headless mode).
  if (!bridge) return webBridgeClient()
  desktop ??= Object.freeze(
    Object.fromEntries(apiMethodNames.map((method) => [method, (input: unknown) => unwrap(bridge[method](input))])),
  ) as unknown as CustosApi
  return desktop
}

async function unwrap(pending: Promise<IpcReply>): Promise<unknown> {
  const reply = await pending
  if (reply.ok) return reply.value
  const code: CustosErrorCode = (custosErrorCodes as readonly string[]).includes(reply.error.code)
    ? reply.error.code
    : 'Internal'
  throw new CustosError(code, reply.error.message)
}
