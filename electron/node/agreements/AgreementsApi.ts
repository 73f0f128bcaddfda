import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { agreementsContract, ContractApi, DataAgreement } from '../../../shared/api'
import { AgreementsService } from './AgreementsService'

@injectable()
export class AgreementsApi implements ContractApi<typeof agreementsContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(AgreementsService) private readonly service: AgreementsService,
  ) {}

  list(): Promise<DataAgreement[]> {
    return this.service.list(this.agentContext)
  }

  get({ id }: { id: string }): Promise<DataAgreement> {
    return this.service.get(this.agentContext, id)
  }

  accept({ id }: { id: string }): Promise<DataAgreement> {
    return this.service.accept(this.agentContext, id)
  }

  counter({ id }: { id: string }): Promise<DataAgreement> {
    return this.service.counter(this.agentContext, id)
  }

  reject({ id, reason }: { id: string; reason?: string }): Promise<DataAgreement> {
    return this.service.reject(this.agentContext, id, reason)
  }

  terminate({ id, reason }: { id: string; reason?: string }): Promise<DataAgreement> {
    return this.service.terminate(this.agentContext, id, reason)
  }
}
