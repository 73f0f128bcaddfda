import { type AgentContext, type DependencyManager } from '@credo-ts/core'
import {
  DidCommMediationRecipientApi,
  DidCommMediatorPickupStrategy,
  DidCommMessageHandlerRegistry,
} from '@credo-ts/didcomm'

import { mediationContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { MediationApi } from './MediationApi'
import { markCollectors } from './mediator/delivery/collectors'
import { DirectDeliveryService } from './mediator/delivery/DirectDeliveryService'
import { DirectDeliveryState } from './mediator/delivery/DirectDeliveryState'
import { startDirectDelivery } from './mediator/delivery/startDirectDelivery'
import { MediatedNodesService } from './mediator/MediatedNodesService'
import { MediationGrantService } from './mediator/MediationGrantService'
import { MediationModuleConfig } from './MediationModuleConfig'
import { ImplicitDeliveryState, startImplicitDelivery, watchImplicitSocket } from './recipient/implicitDelivery'
import { keepDeliveredBatches } from './recipient/keepDeliveredBatches'
import { keepLiveModeAfterDrain } from './recipient/liveModeAfterDrain'
import { pickupOf } from './recipient/pickupRecord'
import { UpstreamMediatorService } from './recipient/UpstreamMediatorService'

/** The person's view of mediation; the protocols themselves are Credo's routing modules. */
export class MediationModule implements ContractModule<typeof mediationContract> {
  readonly api = MediationApi
  readonly contract = mediationContract
  readonly config: MediationModuleConfig

  constructor(options: { servesAsMediator?: boolean } = {}) {
    this.config = new MediationModuleConfig(options.servesAsMediator === true)
  }

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerInstance(MediationModuleConfig, this.config)
    dependencyManager.registerSingleton(UpstreamMediatorService)
    dependencyManager.registerSingleton(MediatedNodesService)
    dependencyManager.registerSingleton(MediationGrantService)
    dependencyManager
      .resolve(DidCommMessageHandlerRegistry)
      .registerMessageHandlerMiddleware((messageContext, next) =>
        messageContext.agentContext.dependencyManager
          .resolve(MediationGrantService)
          .middleware(this.config.servesAsMediator)(messageContext, next),
      )
    // One per agent: a vault unlock builds a new agent, and with it new modules.
    const delivery = new DirectDeliveryState()
    dependencyManager.registerInstance(DirectDeliveryState, delivery)
    dependencyManager.registerSingleton(DirectDeliveryService)
    dependencyManager.resolve(DidCommMessageHandlerRegistry).registerMessageHandlerMiddleware(markCollectors(delivery))
    dependencyManager.resolve(DidCommMessageHandlerRegistry).registerMessageHandlerMiddleware(keepDeliveredBatches)
    dependencyManager.registerInstance(ImplicitDeliveryState, new ImplicitDeliveryState())
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    keepLiveModeAfterDrain(agentContext)
    startDirectDelivery(agentContext)
    watchImplicitSocket(agentContext)
    // Credo starts every other pickup from the stored record itself; implicit delivery is told None there.
    const mediator = await agentContext.dependencyManager.resolve(DidCommMediationRecipientApi).findDefaultMediator()
    if (mediator && pickupOf(mediator) === DidCommMediatorPickupStrategy.Implicit) {
      // Once the agent has started its transports, which happens after the modules initialize.
      startImplicitDelivery(agentContext, mediator.connectionId, this.config.reconnectMinMs)
    }
  }
}
