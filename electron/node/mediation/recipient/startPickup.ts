import { MediationRecipientApi, MediatorPickupStrategy, type AgentContext, type MediationRecord } from '@credo-ts/core'

import { startImplicitDelivery } from './implicitDelivery'

/** Starts collecting from a new mediator the way chosen for it: implicit delivery is ours, the rest Credo's. */
export function startPickup(agentContext: AgentContext, mediation: MediationRecord, strategy: MediatorPickupStrategy) {
  if (strategy === MediatorPickupStrategy.Implicit) return startImplicitDelivery(agentContext, mediation.connectionId)
  if (strategy === MediatorPickupStrategy.None) {
    agentContext.config.logger.warn('the mediator offers no way to collect messages; only an own endpoint receives')
    return
  }
  agentContext.dependencyManager
    .resolve(MediationRecipientApi)
    .initiateMessagePickup(mediation, strategy)
    .catch((error: unknown) => {
      agentContext.config.logger.warn('Pickup from the new mediator did not start; it is retried on reconnect', {
        error,
      })
    })
}
