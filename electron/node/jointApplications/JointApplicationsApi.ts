import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, JointApplicationView, jointApplicationsContract } from '../../../shared/api'
import { JointApplicationsService } from './JointApplicationsService'

@injectable()
export class JointApplicationsApi implements ContractApi<typeof jointApplicationsContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(JointApplicationsService) private readonly service: JointApplicationsService,
  ) {}

  list(): Promise<JointApplicationView[]> {
    return this.service.list(this.agentContext)
  }

  bringIn({ id, memberConnectionId }: { id: string; memberConnectionId: string }): Promise<JointApplicationView> {
    return this.service.bringIn(this.agentContext, id, memberConnectionId)
  }

  respond({ id, join }: { id: string; join: boolean }): Promise<JointApplicationView> {
    return this.service.respond(this.agentContext, id, join)
  }
}
