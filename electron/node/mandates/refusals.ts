import { EventEmitter, type AgentContext } from '@credo-ts/core'

import { sendOnConnection } from '../connections'
import { MandateEventTypes, type MandateRefusedEvent } from './MandatesEvents'
import { MandateOutcomeMessage } from './protocol'

/**
 * Refuses a mandate message in one sentence: told to the sender on the message's thread (an outcome of
 * state refused), kept in the log and announced here. Nothing is stored, nothing is shared.
 */
export async function refuse(
  agentContext: AgentContext,
  connectionId: string,
  threadId: string,
  reason: string,
): Promise<void> {
  agentContext.config.logger.warn(`mandates: refused: ${reason}`)
  agentContext.dependencyManager.resolve(EventEmitter).emit<MandateRefusedEvent>(agentContext, {
    type: MandateEventTypes.MandateRefused,
    payload: { connectionId, threadId, reason, by: 'this node' },
  })
  await sendOnConnection(
    agentContext,
    connectionId,
    new MandateOutcomeMessage({ askId: threadId, state: 'refused', note: reason }),
  ).catch((error: unknown) => {
    agentContext.config.logger.warn('mandates: the refusal could not be told', { error: (error as Error).message })
  })
}

export function changed(agentContext: AgentContext, mandateId: string, askId?: string): void {
  agentContext.dependencyManager.resolve(EventEmitter).emit(agentContext, {
    type: MandateEventTypes.MandateChanged,
    payload: { mandateId, askId },
  })
}
