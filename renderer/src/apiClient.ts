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

// The code crosses contextBridge as data (an Error would arrive with its message only) and is rebuilt
// here into the CustosError the screens branch on.
async function unwrap(pending: Promise<IpcReply>): Promise<unknown> {
  let reply: unknown
  try {
    reply = await pending
  } catch (error) {
    throw new CustosError('Internal', error instanceof Error ? error.message : 'The Custos node did not answer.')
  }
  if (!isReply(reply)) throw new CustosError('Internal', 'The Custos node gave an answer that cannot be read.')
  if (reply.ok) return reply.value
  throw new CustosError(knownCode(reply.error.code), reply.error.message)
}

function isReply(value: unknown): value is IpcReply {
  if (typeof value !== 'object' || value === null) return false
  const reply = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (reply.ok === true) return true
  return reply.ok === false && typeof reply.error?.code === 'string' && typeof reply.error.message === 'string'
}

// A code this build does not know (a newer node, say) still arrives as a CustosError, with its message.
function knownCode(code: string): CustosErrorCode {
  return (custosErrorCodes as readonly string[]).includes(code) ? (code as CustosErrorCode) : 'Internal'
}
