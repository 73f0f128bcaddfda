import { contextBridge, ipcRenderer } from 'electron'

import { apiMethodNames } from '../../shared/api'
import { IPC_CHANNEL, type IpcReply } from '../../shared/ipc'

// One narrow function per contract method; the renderer never sees ipcRenderer itself. Each resolves to
// the reply as data ({ok, value} or {ok:false, error:{code, message}}): contextBridge copies an Error with
// its message only, so a thrown error would lose its code. renderer/src/apiClient.ts rebuilds the error.
function call(method: string) {
  return (input: unknown): Promise<IpcReply> => ipcRenderer.invoke(IPC_CHANNEL, method, input) as Promise<IpcReply>
}

export const custosBridge = Object.freeze(Object.fromEntries(apiMethodNames.map((method) => [method, call(method)])))

export type CustosBridge = { [M in (typeof apiMethodNames)[number]]: (input: unknown) => Promise<IpcReply> }

contextBridge.exposeInMainWorld('custos', custosBridge)
