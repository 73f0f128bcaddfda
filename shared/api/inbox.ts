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

/** How other agents reach this node directly: what it listens on and what it tells them to use. */
export interface InboundStatus {
  /** False for a node that only sends, or before it is unlocked. */
  listening: boolean
  /** The interface and port bound, e.g. 127.0.0.1:7001. */
  address?: string
  /** What invitations and DID documents name, in order (http, then ws). */
  endpoints: string[]
  /** Set when the node is reached at another address than it listens on (a LAN address, a proxy). */
  publicUrl?: string
  /** Whether only programs on this device can reach it. */
  loopbackOnly: boolean
  maxMessageBytes?: number
}

export const inboxContract = {
  'inbox.listDeadLetters': method<DeadLetter[]>()(noInput),
  'inbox.inbound': method<InboundStatus>()(noInput),
}
