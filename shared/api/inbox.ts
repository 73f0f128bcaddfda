// What arrived over DIDComm and could not be processed: the person (or support) can see it, and it
// never blocks what came after it.
import { noInput } from './common'
import { method } from './contract'

export interface DeadLetter {
  sequence: number
  /** The address it came from. */
  remote: string
  receivedAt: string
  /** Why it failed: cannot decrypt, invalid message, or the step that failed. */
  reason: string
  failedAt: string
}

export const inboxContract = {
  'inbox.listDeadLetters': method<DeadLetter[]>()(noInput),
}
