import { EventEmitter, type AgentContext } from '@credo-ts/core'
import {
  DidCommMessagePickupApi,
  DidCommTransportEventTypes,
  type DidCommTransportSessionRemovedEvent,
} from '@credo-ts/didcomm'

interface ReleasingQueue {
  releaseConnection(connectionId: string): void | Promise<void>
}

/**
 * A pickup batch is leased to the socket that asked for it until the recipient acknowledges it. When
 * that socket closes first (the recipient's process died mid-batch), the lease would hold the messages
 * back for its whole length (minutes) while later ones flow past; released now, they are offered on
 * the recipient's next pickup, or at once if it is already back in live mode. A recipient that had kept some of them gets copies, which its spool
 * recognises: at least once, never lost, and not late.
 */
export function releaseWhenSocketCloses(agentContext: AgentContext, queue: ReleasingQueue): void {
  agentContext.dependencyManager
    .resolve(EventEmitter)
    .on<DidCommTransportSessionRemovedEvent>(
      DidCommTransportEventTypes.DidCommTransportSessionRemoved,
      async ({ payload }) => {
        const { connectionId, type } = payload.session
        if (type !== 'WebSocket' || !connectionId) return
        try {
          await queue.releaseConnection(connectionId)
          // The recipient may already be back on a new socket in live mode: it gets them now, not on the
          // next message that happens to arrive for it.
          const pickup = agentContext.dependencyManager.resolve(DidCommMessagePickupApi)
          const live = await pickup.getLiveModeSession({ connectionId })
          if (live) await pickup.deliverMessagesFromQueue({ pickupSessionId: live.id })
        } catch (error) {
          // Kept leased: offered again when the lease runs out, late rather than lost.
          agentContext.config.logger.error("releasing a closed socket's pickup leases failed", { error })
        }
      },
    )
}
