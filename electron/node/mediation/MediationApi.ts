import { AgentContext, inject, injectable } from '@credo-ts/core'

import type {
  ContractApi,
  CreatedInvitation,
  MediatedRecipient,
  MediationRequestSummary,
  MediationStatus,
  mediationContract,
} from '../../../shared/api'
import { ConnectionsService } from '../connections'
import { DEVICE_INVITATION_TAG, MediationGrantService } from './mediator/MediationGrantService'
import { MediatedNodesService } from './mediator/MediatedNodesService'
import { UpstreamMediatorService } from './recipient/UpstreamMediatorService'

/** Mediation as the person manages it: the mediator this node uses, and the nodes it mediates for. */
@injectable()
export class MediationApi implements ContractApi<typeof mediationContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(UpstreamMediatorService) private readonly upstream: UpstreamMediatorService,
    @inject(MediatedNodesService) private readonly mediated: MediatedNodesService,
    @inject(MediationGrantService) private readonly grants: MediationGrantService,
    @inject(ConnectionsService) private readonly connections: ConnectionsService,
  ) {}

  /** A one-time invitation for one of the person's devices; the node that uses it gets mediation at once. */
  async createDeviceInvitation(): Promise<CreatedInvitation> {
    return this.connections.createInvitation(this.agentContext, { purposeTag: DEVICE_INVITATION_TAG })
  }

  async listRequests(): Promise<MediationRequestSummary[]> {
    return this.mediated.describeRequests(this.agentContext, await this.grants.pending(this.agentContext))
  }

  async grant({ id }: { id: string }): Promise<{ granted: boolean }> {
    await this.grants.grant(this.agentContext, id)
    return { granted: true }
  }

  async deny({ id }: { id: string }): Promise<{ denied: boolean }> {
    await this.grants.deny(this.agentContext, id)
    return { denied: true }
  }

  status(): Promise<MediationStatus> {
    return this.upstream.status(this.agentContext)
  }

  useMediator({ invitationUrl }: { invitationUrl: string }): Promise<MediationStatus> {
    return this.upstream.useMediator(this.agentContext, invitationUrl)
  }

  listRecipients(): Promise<MediatedRecipient[]> {
    return this.mediated.list(this.agentContext)
  }

  removeRecipient({ id }: { id: string }): Promise<{ removed: boolean; droppedMessages: number }> {
    return this.mediated.remove(this.agentContext, id)
  }
}
