import type { DependencyManager } from '@credo-ts/core'

import { mediationContract } from '../../../shared/api'
import type { ContractModule } from '../api'
import { MediationApi } from './MediationApi'
import { MediatedNodesService } from './mediator/MediatedNodesService'
import { UpstreamMediatorService } from './recipient/UpstreamMediatorService'

/** The person's view of mediation; the protocols themselves are Credo's routing modules. */
export class MediationModule implements ContractModule<typeof mediationContract> {
  readonly api = MediationApi
  readonly contract = mediationContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(UpstreamMediatorService)
    dependencyManager.registerSingleton(MediatedNodesService)
  }
}
