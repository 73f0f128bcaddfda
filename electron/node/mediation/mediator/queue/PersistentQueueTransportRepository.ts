import type { AgentContext } from '@credo-ts/core'
import type {
  AddMessageOptions,
  DidCommQueueTransportRepository,
  GetAvailableMessageCountOptions,
  QueuedDidCommMessage,
  RemoveMessagesOptions,
  TakeFromQueueOptions,
} from '@credo-ts/didcomm'

/** The mediator's pickup queue as the node keeps it (one per agent, registered by MediationQueueModule). */
export interface PickupQueue {
  getAvailableMessageCount(options: GetAvailableMessageCountOptions): Promise<number>
  takeFromQueue(options: TakeFromQueueOptions): Promise<QueuedDidCommMessage[]>
  addMessage(options: AddMessageOptions): Promise<string>
  removeMessages(options: RemoveMessagesOptions): Promise<void>
}

export const PICKUP_QUEUE = Symbol('custos.PickupQueue')

export function pickupQueueOf(agentContext: AgentContext): PickupQueue {
  return agentContext.dependencyManager.resolve<PickupQueue>(PICKUP_QUEUE)
}

/**
 * What Credo 0.6 calls the queue: one instance handed to DidCommModule before the agent exists, so it
 * cannot hold the app database; each call names its agent context, and goes to that agent's queue.
 */
export class PersistentQueueTransportRepository implements DidCommQueueTransportRepository {
  getAvailableMessageCount(agentContext: AgentContext, options: GetAvailableMessageCountOptions): Promise<number> {
    return pickupQueueOf(agentContext).getAvailableMessageCount(options)
  }

  takeFromQueue(agentContext: AgentContext, options: TakeFromQueueOptions): Promise<QueuedDidCommMessage[]> {
    return pickupQueueOf(agentContext).takeFromQueue(options)
  }

  addMessage(agentContext: AgentContext, options: AddMessageOptions): Promise<string> {
    return pickupQueueOf(agentContext).addMessage(options)
  }

  removeMessages(agentContext: AgentContext, options: RemoveMessagesOptions): Promise<void> {
    return pickupQueueOf(agentContext).removeMessages(options)
  }
}
