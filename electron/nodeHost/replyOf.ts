import { CustosError, isCustosError } from '../../shared/errors'
import type { IpcReply } from '../../shared/ipc'

/**
 * An API call's outcome as data for the window: typed errors by code and message, anything else as a
 * plain "went wrong" (unexpected errors may carry internals; stderr gets the detail).
 */
export async function replyOf(method: string, call: () => Promise<unknown>): Promise<IpcReply> {
  try {
    return { ok: true, value: await call() }
  } catch (error) {
    if (isCustosError(error)) return { ok: false, error: error.toJSON() }
    console.error(`custos: ${method} failed`, error)
    return { ok: false, error: new CustosError('Internal', 'Something went wrong in the node.').toJSON() }
  }
}
