import { AsyncLocalStorage } from 'node:async_hooks'

import type { HandlingTurn } from './HandlingTurn'

/** Carries the id of the message being received from Credo's decrypt step back to the transport. */
export const messageIdScope = new AsyncLocalStorage<MessageScope>()

export interface MessageScope {
  id?: string
  /** Left in the spool by a process that died: its handler may have committed already. */
  inDoubt?: boolean
  /** Its handler runs only after the one before it from the same sender (the drainer's pipeline). */
  turn?: HandlingTurn
  /** Its id is written to the seen list now and flushed to disk by the drainer, with its neighbours'. */
  deferSeenFlush?: boolean
}

/** Thrown from the decrypt step for a message processed before; the transport counts it as done. */
export class AlreadyProcessedError extends Error {
  override readonly name = 'AlreadyProcessedError'
}
