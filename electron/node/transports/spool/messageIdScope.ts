import { AsyncLocalStorage } from 'node:async_hooks'

/** Carries the id of the message being received from Credo's decrypt step back to the transport. */
export const messageIdScope = new AsyncLocalStorage<MessageScope>()

export interface MessageScope {
  id?: string
  /** Left in the spool by a process that died: its handler may have committed already. */
  inDoubt?: boolean
}

/** Thrown from the decrypt step for a message processed before; the transport counts it as done. */
export class AlreadyProcessedError extends Error {
  override readonly name = 'AlreadyProcessedError'
}
