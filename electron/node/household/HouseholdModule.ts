import type { AgentContext, DependencyManager } from '@credo-ts/core'
import { DidCommFeatureRegistry, DidCommMessageHandlerRegistry, DidCommProtocol } from '@credo-ts/didcomm'

import { householdContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { HouseholdApi } from './HouseholdApi'
import { HouseholdService } from './HouseholdService'
import { MemberPresence } from './presence'
import { HOUSEHOLD_PROTOCOL, HouseholdEndHandler } from './protocol'

/**
 * The household (issue 23, members): who belongs, whether their nodes are reachable, what waits for
 * them at the household node, and ending a membership from either side. Mediation itself is the
 * mediation module's; this is the person's view of it as a household.
 */
export class HouseholdModule implements ContractModule<typeof householdContract> {
  readonly api = HouseholdApi
  readonly contract = householdContract

  register(dependencyManager: DependencyManager): void {
    // One per agent: a vault unlock builds a new agent, and with it new modules.
    dependencyManager.registerInstance(MemberPresence, new MemberPresence())
    dependencyManager.registerSingleton(HouseholdService)
    dependencyManager
      .resolve(DidCommFeatureRegistry)
      .register(new DidCommProtocol({ id: HOUSEHOLD_PROTOCOL, roles: ['member', 'household'] }))
    dependencyManager.resolve(DidCommMessageHandlerRegistry).registerMessageHandlers([
      new HouseholdEndHandler(async (context, connection) => {
        await context.agentContext.dependencyManager.resolve(HouseholdService).ended(context.agentContext, connection)
      }),
    ])
  }

  async initialize(agentContext: AgentContext): Promise<void> {
    agentContext.dependencyManager.resolve(MemberPresence).watch(agentContext)
  }
}
