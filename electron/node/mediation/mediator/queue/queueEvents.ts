import { EventEmitter, type AgentContext, type BaseEvent } from '@credo-ts/core'

export enum MediationQueueEventTypes {
  MessageQueued = 'CustosMediationMessageQueued',
}

/** A message was stored for a connection; emitted once it is on disk, whoever queued it. */
export interface MediationMessageQueuedEvent extends BaseEvent {
  type: typeof MediationQueueEventTypes.MessageQueued
  payload: { connectionId: string; messageId: string }
}

export function emitQueued(agentContext: AgentContext, connectionId: string, messageId: string): void {
  agentContext.dependencyManager.resolve(EventEmitter).emit<MediationMessageQueuedEvent>(agentContext, {
    type: MediationQueueEventTypes.MessageQueued,
    payload: { connectionId, messageId },
  })
}
