import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ConsentReceipt, ContractApi, Disclosure, DisclosurePage, disclosuresContract } from '../../../shared/api'
import { DisclosuresService } from './DisclosuresService'

@injectable()
export class DisclosuresApi implements ContractApi<typeof disclosuresContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(DisclosuresService) private readonly service: DisclosuresService,
  ) {}

  async list(): Promise<Disclosure[]> {
    return this.service.list(this.agentContext)
  }

  async page({ limit, before }: { limit: number; before?: string }): Promise<DisclosurePage> {
    return this.service.page(this.agentContext, limit, before)
  }

  async get({ id }: { id: string }): Promise<Disclosure> {
    return this.service.get(this.agentContext, id)
  }

  revoke({ id }: { id: string }): Promise<Disclosure> {
    return this.service.revoke(this.agentContext, id)
  }

  remind({ id }: { id: string }): Promise<Disclosure> {
    return this.service.remind(this.agentContext, id)
  }

  receipts({ id }: { id?: string }): Promise<ConsentReceipt[]> {
    return this.service.receipts(this.agentContext, id)
  }
}
