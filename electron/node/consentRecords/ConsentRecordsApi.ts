import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { consentRecordsContract, ContractApi, DpvConsentRecord, KantaraReceipt } from '../../../shared/api'
import { ConsentRecordsService } from './ConsentRecordsService'
import { kantaraReceipt } from './kantara'

@injectable()
export class ConsentRecordsApi implements ContractApi<typeof consentRecordsContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(ConsentRecordsService) private readonly service: ConsentRecordsService,
  ) {}

  export({ id }: { id?: string }): Promise<DpvConsentRecord[]> {
    return this.service.records(this.agentContext, id)
  }

  async exportKantara({ id }: { id?: string }): Promise<KantaraReceipt[]> {
    return (await this.service.records(this.agentContext, id)).map(kantaraReceipt)
  }
}
