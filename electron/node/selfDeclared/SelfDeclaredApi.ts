import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, SelfDeclaredItem, SelfDeclaredPage, selfDeclaredContract } from '../../../shared/api'
import { SelfDeclaredService, type PutSelfDeclared } from './SelfDeclaredService'

// Explicit tokens: child-process scripts run under tsx (esbuild), which emits no decorator metadata.
@injectable()
export class SelfDeclaredApi implements ContractApi<typeof selfDeclaredContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(SelfDeclaredService) private readonly service: SelfDeclaredService,
  ) {}

  async list(): Promise<SelfDeclaredItem[]> {
    return this.service.list(this.agentContext)
  }

  async page(options: { limit: number; after?: string; query?: string }): Promise<SelfDeclaredPage> {
    return this.service.page(this.agentContext, options)
  }

  async put(input: PutSelfDeclared): Promise<SelfDeclaredItem> {
    return this.service.put(this.agentContext, input)
  }

  async get({ id }: { id: string }): Promise<SelfDeclaredItem> {
    return this.service.get(this.agentContext, id)
  }

  async remove({ id }: { id: string }): Promise<{ removed: boolean }> {
    return { removed: this.service.remove(this.agentContext, id) }
  }
}
