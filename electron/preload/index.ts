import { contextBridge, ipcRenderer } from 'electron'

import { apiMethodNames } from '../../shared/api'
import {
  FILE_CHANNEL,
  IPC_CHANNEL,
  LANGUAGE_CHANNEL,
  LIVE_CHANNEL,
  type FilePurpose,
  type IpcReply,
  type PreloadGlobals,
} from '../../shared/ipc'

// One narrow function per contract method; the renderer never sees ipcRenderer itself. Each resolves to
// the reply as data ({ok, value} or {ok:false, error:{code, message}}) and never rejects: contextBridge
// copies a thrown Error with its message only, so an error's code can cross only as plain data.
// renderer/src/apiClient.ts turns a failed reply back into a CustosError.
function call(method: string) {
  return async (input: unknown): Promise<IpcReply> => {
    try {
      return (await ipcRenderer.invoke(IPC_CHANNEL, method, input)) as IpcReply
    } catch {
      // invoke rejects only when main has no handler or the reply cannot be cloned: a fault, not a refusal.
      return { ok: false, error: { code: 'Internal', message: 'The Custos node did not answer.' } }
    }
  }
}

export const custosBridge = Object.freeze(
  Object.fromEntries(apiMethodNames.map((method) => [method, call(method)])),
) satisfies PreloadGlobals['custos']

export type CustosBridge = { [M in (typeof apiMethodNames)[number]]: (input: unknown) => Promise<IpcReply> }

contextBridge.exposeInMainWorld('custos', custosBridge)

type LiveListener = (topic: string, data: object | undefined) => void

/**
 * Live updates from main: a topic that changed (and for 'node', that it restarted). The listener gets
 * only the topic and its small data object, never the IPC event (which would carry the sender).
 */
export const custosLive = Object.freeze({
  subscribe(listener: LiveListener): () => void {
    const relay = (_event: unknown, topic: unknown, data: unknown) => {
      if (typeof topic === 'string') listener(topic, typeof data === 'object' && data !== null ? data : undefined)
    }
    ipcRenderer.on(LIVE_CHANNEL, relay)
    return () => ipcRenderer.removeListener(LIVE_CHANNEL, relay)
  },
}) satisfies PreloadGlobals['custosLive']

contextBridge.exposeInMainWorld('custosLive', custosLive)

/** The OS file dialog (backup and restore): the chosen path, or undefined when the person cancelled. */
export const custosFiles = Object.freeze({
  async pick(purpose: FilePurpose): Promise<string | undefined> {
    const chosen: unknown = await ipcRenderer.invoke(FILE_CHANNEL, purpose).catch(() => undefined)
    return typeof chosen === 'string' ? chosen : undefined
  },
}) satisfies PreloadGlobals['custosFiles']

contextBridge.exposeInMainWorld('custosFiles', custosFiles)

/** Tells main the language the person chose, so the tray and notifications speak it; main checks it. */
export const custosLanguage = Object.freeze({
  tell(language: string): void {
    if (typeof language === 'string' && language.length <= 16) ipcRenderer.send(LANGUAGE_CHANNEL, language)
  },
}) satisfies PreloadGlobals['custosLanguage']

contextBridge.exposeInMainWorld('custosLanguage', custosLanguage)
