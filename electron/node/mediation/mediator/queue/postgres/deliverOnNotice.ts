import { type AgentContext } from '@credo-ts/core'
import { DidCommMessagePickupApi } from '@credo-ts/didcomm'

import type { QueuedNotice } from './queueListener'

// Credo 0.5 does not export MessagePickupSessionRole from its package root; the enum's value is its name.
type SessionRole = NonNullable<Parameters<DidCommMessagePickupApi['getLiveModeSession']>[0]['role']>
const MESSAGE_HOLDER = 'MessageHolder' as SessionRole

/**
 * Credo pushes a forwarded message to a live pickup session only on the instance that received the
 * forward. Another instance queues it and notifies; this pushes it from here when the recipient's live
 * socket is on this instance. One chain per connection, so pushes go out in the order they were queued.
 */
export function deliverOnNotice(agentContext: AgentContext): (notice: QueuedNotice) => void {
  const chains = new Map<string, Promise<void>>()
  return (notice) => {
    const previous = chains.get(notice.connectionId) ?? Promise.resolve()
    const next = previous
      .then(() => deliver(agentContext, notice))
      .catch((error: unknown) => {
        // Still queued: the recipient gets it on its next pickup, or with the next push to it.
        agentContext.config.logger.warn('live delivery of a message queued elsewhere failed', { error })
      })
      .finally(() => {
        if (chains.get(notice.connectionId) === next) chains.delete(notice.connectionId)
      })
    chains.set(notice.connectionId, next)
  }
}

async function deliver(agentContext: AgentContext, { connectionId, recipientDids }: QueuedNotice): Promise<void> {
  const pickup = agentContext.dependencyManager.resolve(DidCommMessagePickupApi)
  const session = await pickup.getLiveModeSession({ connectionId, role: MESSAGE_HOLDER })
  if (!session) return
  for (const recipientDid of recipientDids.length > 0 ? recipientDids : [undefined]) {
    await pickup.deliverMessagesFromQueue({ pickupSessionId: session.id, recipientDid })
  }
}
