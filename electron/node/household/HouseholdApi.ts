import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, HouseholdView, householdContract } from '../../../shared/api'
import { HouseholdService } from './HouseholdService'

@injectable()
export class HouseholdApi implements ContractApi<typeof householdContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(HouseholdService) private readonly service: HouseholdService,
  ) {}

  members(): Promise<HouseholdView> {
    return this.service.view(this.agentContext)
  }

  remove({ connectionId }: { connectionId: string }): Promise<{ removed: boolean; droppedMessages: number }> {
    return this.service.remove(this.agentContext, connectionId)
  }

  leave(): Promise<{ left: boolean; householdTold: boolean }> {
    return this.service.leave(this.agentContext)
  }
}
