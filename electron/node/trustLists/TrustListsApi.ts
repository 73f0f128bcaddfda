import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, ImportedTrustList, trustListsContract } from '../../../shared/api'
import { TrustListsService } from './TrustListsService'

@injectable()
export class TrustListsApi implements ContractApi<typeof trustListsContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(TrustListsService) private readonly service: TrustListsService,
  ) {}

  async list(): Promise<ImportedTrustList[]> {
    return this.service.list(this.agentContext)
  }

  async import({ document }: { document: string }): Promise<ImportedTrustList> {
    return this.service.import(this.agentContext, document)
  }

  async remove({ id }: { id: string }): Promise<{ removed: boolean }> {
    return { removed: this.service.remove(this.agentContext, id) }
  }
}
