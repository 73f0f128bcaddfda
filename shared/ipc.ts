import type { CustosErrorShape } from './errors'

/** The single IPC channel the preload invokes; main answers with an `IpcReply`. */
export const IPC_CHANNEL = 'custos:api'

export type IpcReply = { ok: true; value: unknown } | { ok: false; error: CustosErrorShape }

/** Main → window: a part of the node's state changed (a topic, as the web bridge's events name them). */
export const LIVE_CHANNEL = 'custos:live'

/** Window → main: the OS file dialog for a backup file; main answers with the chosen path, or nothing. */
export const FILE_CHANNEL = 'custos:pick-file'

export type FilePurpose = 'backup-save' | 'backup-open'

/** Window → main (one-way): the language the person chose, so the tray and notifications speak it. */
export const LANGUAGE_CHANNEL = 'custos:language'

/**
 * What the preload puts on `window`, one object per concern. The preload's objects `satisfies` these and
 * the renderer reads them from here, so the page's side of the bridge never imports from electron/.
 */
export interface PreloadGlobals {
  /** One narrow function per contract method; each resolves to the reply as data and never rejects. */
  custos: Readonly<Record<string, (input: unknown) => Promise<IpcReply>>>
  custosLive: { subscribe(listener: (topic: string, data: object | undefined) => void): () => void }
  custosFiles: { pick(purpose: FilePurpose): Promise<string | undefined> }
  custosLanguage: { tell(language: string): void }
}
