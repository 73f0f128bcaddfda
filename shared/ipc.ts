import type { CustosErrorShape } from './errors'

/** The single IPC channel the preload invokes; main answers with an `IpcReply`. */
export const IPC_CHANNEL = 'custos:api'

export type IpcReply = { ok: true; value: unknown } | { ok: false; error: CustosErrorShape }
