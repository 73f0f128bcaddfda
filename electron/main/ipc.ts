import { ipcMain, type IpcMainInvokeEvent } from 'electron'

import { CustosError, isCustosError } from '../../shared/errors'
import { IPC_CHANNEL, type IpcReply } from '../../shared/ipc'

type Dispatch = (method: unknown, input: unknown) => Promise<unknown>

/**
 * Wires the API contract to IPC. Only frames that show our own renderer may call it: a page that
 * was navigated elsewhere, or an embedded frame, gets a refusal instead of the node.
 */
export function registerApiHandler(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): () => void {
  const handler = async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<IpcReply> => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!event.senderFrame || event.senderFrame.parent !== null || !isTrustedUrl(frameUrl)) {
      return { ok: false, error: { code: 'InvalidInput', message: 'This window may not use the Custos API.' } }
    }
    try {
      return { ok: true, value: await dispatch(method, input) }
    } catch (error) {
      if (isCustosError(error)) return { ok: false, error: error.toJSON() }
      // Unexpected errors may carry internals; the renderer gets a plain message, stderr the detail.
      console.error(`custos: ${String(method)} failed`, error)
      return { ok: false, error: new CustosError('Internal', 'Something went wrong in the node.').toJSON() }
    }
  }
  ipcMain.handle(IPC_CHANNEL, handler)
  return () => ipcMain.removeHandler(IPC_CHANNEL)
}
