import { EventEmitter, InjectionSymbols, type AgentContext } from '@credo-ts/core'
import { DidCommMediationRepository, DidCommMediationRole, DidCommMediationState } from '@credo-ts/didcomm'

import { MediationQueueEventTypes, type MediationMessageQueuedEvent } from '../queue'
import { DirectDeliveryService } from './DirectDeliveryService'
import { DirectDeliveryState } from './DirectDeliveryState'

type StopSignal = { subscribe(next: () => void): unknown }

/**
 * Credo's forwarding strategies each do one thing: QueueAndLiveModeDelivery (ours) only queues and serves
 * live pickup sessions, DirectDelivery sends without keeping the message first and drops it when that
 * fails. A mediator must do both (RFC 0211 leaves how to the mediator): every forward is queued first, as
 * before, and then pushed to a recipient that does not collect, from the queue, whenever one is queued.
 * On start, whatever is held for such recipients is tried again.
 */
export function startDirectDelivery(agentContext: AgentContext): void {
  const { dependencyManager } = agentContext
  const state = dependencyManager.resolve(DirectDeliveryState)
  const service = dependencyManager.resolve(DirectDeliveryService)
  const deliver = (connectionId: string) =>
    service.deliver(agentContext, connectionId).catch((error: unknown) => {
      agentContext.config.logger.error('direct delivery failed', { connectionId, error })
    })

  dependencyManager
    .resolve(EventEmitter)
    .on<MediationMessageQueuedEvent>(MediationQueueEventTypes.MessageQueued, ({ payload }) => {
      void deliver(payload.connectionId)
    })
  // Credo's stop signal (an rxjs Subject) fires when the agent shuts down, e.g. when the vault locks.
  dependencyManager.resolve<StopSignal>(InjectionSymbols.Stop$).subscribe(() => state.stop())

  void dependencyManager
    .resolve(DidCommMediationRepository)
    .findByQuery(agentContext, { role: DidCommMediationRole.Mediator, state: DidCommMediationState.Granted })
    .then((records) => Promise.all(records.map((record) => deliver(record.connectionId))))
    .catch((error: unknown) => agentContext.config.logger.error('direct delivery on start failed', { error }))
}
