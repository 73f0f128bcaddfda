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
