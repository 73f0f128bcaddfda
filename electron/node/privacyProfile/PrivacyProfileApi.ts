import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, PrivacyProfile, PrivacyRuleInput, privacyProfileContract } from '../../../shared/api'
import { PrivacyProfileService } from './PrivacyProfileService'

@injectable()
export class PrivacyProfileApi implements ContractApi<typeof privacyProfileContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(PrivacyProfileService) private readonly service: PrivacyProfileService,
  ) {}

  async get(): Promise<PrivacyProfile> {
    return this.service.get(this.agentContext)
  }

  async set({ rules }: { rules: PrivacyRuleInput[] }): Promise<PrivacyProfile> {
    return this.service.set(this.agentContext, rules)
  }
}
