import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, MediatedRecipient, MediationStatus, mediationContract } from '../../../shared/api'
import { MediatedNodesService } from './mediator/MediatedNodesService'
import { UpstreamMediatorService } from './recipient/UpstreamMediatorService'

/** Mediation as the person manages it: the mediator this node uses, and the nodes it mediates for. */
@injectable()
export class MediationApi implements ContractApi<typeof mediationContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(UpstreamMediatorService) private readonly upstream: UpstreamMediatorService,
    @inject(MediatedNodesService) private readonly mediated: MediatedNodesService,
  ) {}

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
