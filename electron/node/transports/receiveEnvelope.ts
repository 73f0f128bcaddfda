import { type AgentContext } from '@credo-ts/core'
import { DidCommMessageReceiver, type DidCommEncryptedMessage, type DidCommTransportSession } from '@credo-ts/didcomm'

import { InboundRefusal } from '../kernel'
import { AlreadyProcessedError, messageIdScope, type MessageScope } from './spool/messageIdScope'
import type { SeenMessages } from './spool/SeenMessages'

/**
 * processed: done. refused: bad input, the sender is told (4xx / close code). failedAfterAccept: the
 * message passed every check and a later step failed; it may be stored, so the sender is not told
 * "refused" (it would send again, or give up on a message that was kept); the node logs it.
 */
export type ReceiveOutcome =
  | { kind: 'processed' }
  | { kind: 'refused'; reason: InboundRefusal['reason'] }
  | { kind: 'failedAfterAccept'; error: string }

/** Hands a checked envelope to the agent, which decrypts it once; see processingStages for the stages. */
export function receiveEnvelope(
  agent: AgentContext,
  message: DidCommEncryptedMessage,
  seen: SeenMessages,
  { session, ...pipeline }: { session?: DidCommTransportSession } & Omit<MessageScope, 'id'> = {},
): Promise<ReceiveOutcome> {
  const scope: MessageScope = { ...pipeline }
  return messageIdScope.run(scope, async () => {
    try {
      const outcome = await receive(agent, message, session)
      // Remembered before its spool entry goes, so a crash in between cannot process it twice.
      if (scope.id && outcome.kind === 'refused') seen.abandon(scope.id)
      else if (scope.id) seen.add(scope.id, { flush: !scope.deferSeenFlush })
      return outcome
    } finally {
      // Refused, failed or a copy of one processed before: the next in line need not wait for a handler.
      scope.turn?.release()
    }
  })
}

async function receive(
  agent: AgentContext,
  message: DidCommEncryptedMessage,
  session?: DidCommTransportSession,
): Promise<ReceiveOutcome> {
  try {
    await agent.dependencyManager.resolve(DidCommMessageReceiver).receiveMessage(message, { session })
    return { kind: 'processed' }
  } catch (error) {
    if (error instanceof AlreadyProcessedError) return { kind: 'processed' }
    // Bad input judged by the processing stages, or a handler that declines to keep a message.
    if (error instanceof InboundRefusal) return { kind: 'refused', reason: error.reason }
    return { kind: 'failedAfterAccept', error: error instanceof Error ? error.name : typeof error }
  }
}
