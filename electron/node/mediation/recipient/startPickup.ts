import { type AgentContext } from '@credo-ts/core'
import {
  DidCommMediationRecipientApi,
  DidCommMediatorPickupStrategy,
  type DidCommMediationRecord,
} from '@credo-ts/didcomm'

import { startImplicitDelivery } from './implicitDelivery'

/** Starts collecting from a new mediator the way chosen for it: implicit delivery is ours, the rest Credo's. */
export function startPickup(
  agentContext: AgentContext,
  mediation: DidCommMediationRecord,
  strategy: DidCommMediatorPickupStrategy,
) {
  if (strategy === DidCommMediatorPickupStrategy.Implicit)
    return startImplicitDelivery(agentContext, mediation.connectionId)
  if (strategy === DidCommMediatorPickupStrategy.None) {
    agentContext.config.logger.warn('the mediator offers no way to collect messages; only an own endpoint receives')
    return
  }
  agentContext.dependencyManager
    .resolve(DidCommMediationRecipientApi)
    .initiateMessagePickup(mediation, strategy)
    .catch((error: unknown) => {
      agentContext.config.logger.warn('Pickup from the new mediator did not start; it is retried on reconnect', {
        error,
      })
    })
}
