// What arrived over DIDComm and could not be processed: the person (or support) can see it, and it
// never blocks what came after it.
import { z } from 'zod'

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
  /** The envelope's size as it arrived. */
  bytes: number
  /** Whether its body is kept: only when it could be decrypted (an envelope for nobody is junk). */
  kept: boolean
}

/** One page of dead letters, newest first; `next` (absent on the last page) asks for the page after it. */
export interface DeadLetterPage {
  letters: DeadLetter[]
  /** Dead letters kept in all, and the bytes of their kept bodies. */
  total: number
  keptBytes: number
  next?: number
}

export const deadLetterPageInput = z
  .object({
    limit: z.number().int().min(1).max(200).optional(),
    /** The `next` of the page before. */
    before: z.number().int().positive().optional(),
  })
  .strict()
  .optional()

export const deleteDeadLettersInput = z.union([
  z.object({ sequences: z.array(z.number().int().positive()).min(1).max(1000) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
])

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

export type DeadLetterPageInput = z.output<typeof deadLetterPageInput>
export type DeleteDeadLettersInput = z.output<typeof deleteDeadLettersInput>

export const inboxContract = {
  'inbox.listDeadLetters': method<DeadLetterPage>()(deadLetterPageInput),
  'inbox.deleteDeadLetters': method<{ deleted: number }>()(deleteDeadLettersInput),
  'inbox.inbound': method<InboundStatus>()(noInput),
}
