import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, DataAgreement } from '../../../shared/api'
import type { tmf644Contract } from '../../../shared/api/tmf644'
import { Tmf644Service } from './Tmf644Service'

@injectable()
export class Tmf644Api implements ContractApi<typeof tmf644Contract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(Tmf644Service) private readonly service: Tmf644Service,
  ) {}

  fetchSpecification({ baseUrl }: { baseUrl: string }): Promise<DataAgreement> {
    return this.service.fetchSpecification(this.agentContext, baseUrl)
  }

  agree({ id, counter }: { id: string; counter: boolean }): Promise<DataAgreement> {
    return this.service.agree(this.agentContext, id, counter)
  }

  reject({ id, reason }: { id: string; reason?: string }): Promise<DataAgreement> {
    return this.service.reject(this.agentContext, id, reason)
  }
}
