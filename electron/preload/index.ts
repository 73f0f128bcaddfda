import { contextBridge, ipcRenderer } from 'electron'

import type { CustosApi } from '../../shared/api'
import { apiMethodNames } from '../../shared/api'
import { IPC_CHANNEL, type IpcReply } from '../../shared/ipc'

// One narrow function per contract method; the renderer never sees ipcRenderer itself.
function call(method: string) {
  return async (input: unknown) => {
    const reply = (await ipcRenderer.invoke(IPC_CHANNEL, method, input)) as IpcReply
    if (reply.ok) return reply.value
    throw Object.assign(new Error(reply.error.message), { code: reply.error.code })
  }
}

export const custosBridge = Object.freeze(
  Object.fromEntries(apiMethodNames.map((method) => [method, call(method)])),
) as CustosApi

contextBridge.exposeInMainWorld('custos', custosBridge)
