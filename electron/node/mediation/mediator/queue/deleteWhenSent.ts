import { EventEmitter, type AgentContext } from '@credo-ts/core'
import { DidCommEventTypes, OutboundMessageSendStatus, type DidCommMessageSentEvent } from '@credo-ts/didcomm'

import type { PickupQueue } from './PersistentQueueTransportRepository'

// Credo 0.5.19 does not export V1BatchMessage from its package root; its type URI is stable.
const V1_BATCH = /\/messagepickup\/1\.0\/batch$/

// Left the mediator: on the socket or HTTP answer that asked for it, or in an outbound transport's hands.
const SENT = new Set<OutboundMessageSendStatus>([
  OutboundMessageSendStatus.SentToSession,
  OutboundMessageSendStatus.SentToTransport,
])

/**
 * Pickup v1 has no acknowledgement, so Credo takes its batches with deleteMessages: true, inside
 * processBatchPickup, and only returns the batch for the dispatcher to send. Deleting there would lose the
 * batch when that send fails (socket gone, recipient unreachable). The queue leases the messages instead,
 * and this deletes them once Credo reports the batch sent; an undeliverable batch's lease runs out and its
 * messages are offered again. Sent is the most v1 can tell: a recipient that crashes after that loses them.
 */
export function deleteWhenSent(agentContext: AgentContext, queue: PickupQueue): void {
  agentContext.dependencyManager
    .resolve(EventEmitter)
    .on<DidCommMessageSentEvent>(DidCommEventTypes.DidCommMessageSent, async ({ payload }) => {
      const { message, connection } = payload.message
      if (!SENT.has(payload.status) || !connection || !V1_BATCH.test(message.type)) return
      const ids = batchIds(message)
      if (ids.length === 0) return
      try {
        await queue.removeMessages({ connectionId: connection.id, messageIds: ids })
      } catch (error) {
        // Kept, so offered again after the lease: a duplicate rather than a loss.
        agentContext.config.logger.error('deleting a sent pickup batch failed', { error })
      }
    })
}

function batchIds(message: object): string[] {
  const messages = (message as { messages?: unknown }).messages
  if (!Array.isArray(messages)) return []
  return messages.flatMap((entry: unknown) => {
    const id = (entry as { id?: unknown } | null)?.id
    return typeof id === 'string' ? [id] : []
  })
}
