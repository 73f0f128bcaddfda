import { EventEmitter, type AgentContext } from '@credo-ts/core'
import {
  DidCommMediationRecipientApi,
  DidCommMediatorPickupStrategy,
  DidCommMessagePickupApi,
  DidCommMessagePickupEventTypes,
  type MessagePickupCompletedEvent,
} from '@credo-ts/didcomm'

/**
 * Switches live delivery on whenever a pickup from our mediator has drained the queue. Credo 0.5.19
 * switches it on only if its start-up pickup finished within 10 s (awaitCompletionTimeoutMs); with a
 * large queue it does not, the batch pickup drains on regardless, and live mode never starts, so later
 * messages wait in the mediator's queue. Asking again is harmless when it is already on.
 */
export function keepLiveModeAfterDrain(agentContext: AgentContext): void {
  // The mediator answers a live-delivery change with a status of 0 messages, which Credo reports as one
  // more completed pickup; that answer must not ask again, or the two would ping-pong forever.
  const awaitingAnswer = new Set<string>()
  agentContext.dependencyManager
    .resolve(EventEmitter)
    .on<MessagePickupCompletedEvent>(DidCommMessagePickupEventTypes.MessagePickupCompleted, ({ payload }) => {
      const connectionId = payload.connection.id
      if (awaitingAnswer.delete(connectionId)) return
      void switchOn(agentContext, connectionId, () => awaitingAnswer.add(connectionId)).catch((error: unknown) => {
        awaitingAnswer.delete(connectionId)
        agentContext.config.logger.warn('live delivery from the mediator could not be switched on', { error })
      })
    })
}

async function switchOn(agentContext: AgentContext, connectionId: string, asking: () => void): Promise<void> {
  const mediator = await agentContext.dependencyManager.resolve(DidCommMediationRecipientApi).findDefaultMediator()
  if (!mediator || mediator.connectionId !== connectionId) return
  const strategy = mediator.pickupStrategy ?? DidCommMediatorPickupStrategy.PickUpV2LiveMode
  if (strategy !== DidCommMediatorPickupStrategy.PickUpV2LiveMode) return
  asking()
  await agentContext.dependencyManager
    .resolve(DidCommMessagePickupApi)
    .setLiveDeliveryMode({ connectionId, liveDelivery: true, protocolVersion: 'v2' })
}
