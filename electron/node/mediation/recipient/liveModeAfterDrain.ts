import {
  EventEmitter,
  MediationRecipientApi,
  MediatorPickupStrategy,
  MessagePickupApi,
  MessagePickupEventTypes,
  type AgentContext,
  type MessagePickupCompletedEvent,
} from '@credo-ts/core'

/**
 * Switches live delivery on whenever a pickup from our mediator has drained the queue. Credo 0.5.19
 * switches it on only if its start-up pickup finished within 10 s (awaitCompletionTimeoutMs); with a
 * large queue it does not, the batch pickup drains on regardless, and live mode never starts, so later
 * messages wait in the mediator's queue. Asking again is harmless when it is already on.
 */
export function keepLiveModeAfterDrain(agentContext: AgentContext): void {
  agentContext.dependencyManager
    .resolve(EventEmitter)
    .on<MessagePickupCompletedEvent>(MessagePickupEventTypes.MessagePickupCompleted, ({ payload }) => {
      void switchOn(agentContext, payload.connection.id).catch((error: unknown) =>
        agentContext.config.logger.warn('live delivery from the mediator could not be switched on', { error }),
      )
    })
}

async function switchOn(agentContext: AgentContext, connectionId: string): Promise<void> {
  const mediator = await agentContext.dependencyManager.resolve(MediationRecipientApi).findDefaultMediator()
  if (!mediator || mediator.connectionId !== connectionId) return
  const strategy = mediator.pickupStrategy ?? MediatorPickupStrategy.PickUpV2LiveMode
  if (strategy !== MediatorPickupStrategy.PickUpV2LiveMode) return
  await agentContext.dependencyManager
    .resolve(MessagePickupApi)
    .setLiveDeliveryMode({ connectionId, liveDelivery: true, protocolVersion: 'v2' })
}
