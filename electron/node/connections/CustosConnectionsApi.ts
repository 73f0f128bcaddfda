import { AgentContext, inject, injectable } from '@credo-ts/core'

import type {
  ConnectionRole,
  ConnectionSummary,
  connectionsContract,
  ContractApi,
  CreatedInvitation,
} from '../../../shared/api'
import { ConnectionsService, type CreateInvitationOptions } from './ConnectionsService'

/** The person's side of connections: invitations both ways, the list, roles. */
@injectable()
export class CustosConnectionsApi implements ContractApi<typeof connectionsContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(ConnectionsService) private readonly service: ConnectionsService,
  ) {}

  createInvitation(input?: CreateInvitationOptions): Promise<CreatedInvitation> {
    return this.service.createInvitation(this.agentContext, input ?? {})
  }

  acceptInvitation({ url }: { url: string }): Promise<ConnectionSummary> {
    return this.service.acceptInvitation(this.agentContext, url)
  }

  list(): Promise<ConnectionSummary[]> {
    return this.service.list(this.agentContext)
  }

  setRole({ id, role }: { id: string; role: ConnectionRole }): Promise<ConnectionSummary> {
    return this.service.setRole(this.agentContext, id, role)
  }

  async remove({ id }: { id: string }): Promise<{ removed: boolean }> {
    return { removed: await this.service.remove(this.agentContext, id) }
  }

  /** The multi-use invitation a node that announces itself prints (headless mode, a household mediator). */
  standingInvitation(): Promise<CreatedInvitation> {
    return this.service.standingInvitation(this.agentContext)
  }
}
