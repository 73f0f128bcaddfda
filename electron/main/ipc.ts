import { ipcMain, type IpcMainInvokeEvent } from 'electron'

import { IPC_CHANNEL, type IpcReply } from '../../shared/ipc'

type Call = (method: unknown, input: unknown) => Promise<IpcReply>

/**
 * Wires the API contract to IPC. Only frames that show our own renderer may call it: a page that
 * was navigated elsewhere, or an embedded frame, gets a refusal instead of the node. The node host
 * checks the method and its input against the contract and answers as data.
 */
export function registerApiHandler(call: Call, isTrustedUrl: (url: string) => boolean): () => void {
  const handler = async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<IpcReply> => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!event.senderFrame || event.senderFrame.parent !== null || !isTrustedUrl(frameUrl)) {
      return { ok: false, error: { code: 'InvalidInput', message: 'This window may not use the Custos API.' } }
    }
    return call(method, input)
  }
  ipcMain.handle(IPC_CHANNEL, handler)
  return () => ipcMain.removeHandler(IPC_CHANNEL)
}
