import { AgentContext, inject, injectable } from '@credo-ts/core'

import type {
  ContractApi,
  CredentialOffer,
  credentialsContract,
  DocumentContent,
  HeldCredential,
  HeldCredentialPage,
} from '../../../shared/api'
import { CredentialsService } from './CredentialsService'
import { HeldIndexService } from './heldIndex'

/** The person's side of credentials: offers to answer, and what they hold. */
@injectable()
export class CustosCredentialsApi implements ContractApi<typeof credentialsContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(CredentialsService) private readonly service: CredentialsService,
    @inject(HeldIndexService) private readonly index: HeldIndexService,
  ) {}

  listOffers(): Promise<CredentialOffer[]> {
    return this.service.listOffers(this.agentContext)
  }

  acceptOffer({ id }: { id: string }): Promise<HeldCredential> {
    return this.service.acceptOffer(this.agentContext, id)
  }

  async declineOffer({ id, reason }: { id: string; reason?: string }): Promise<{ declined: true }> {
    await this.service.declineOffer(this.agentContext, id, reason)
    return { declined: true }
  }

  list(): Promise<HeldCredential[]> {
    return this.service.list(this.agentContext)
  }

  page(options: { limit: number; before?: string; query?: string }): Promise<HeldCredentialPage> {
    return Promise.resolve(this.index.page(this.agentContext, options))
  }

  get({ id }: { id: string }): Promise<HeldCredential> {
    return this.service.get(this.agentContext, id)
  }

  getDocument({ id, digestSRI }: { id: string; digestSRI: string }): Promise<DocumentContent> {
    return this.service.getDocument(this.agentContext, id, digestSRI)
  }

  verify({ id }: { id: string }): Promise<HeldCredential> {
    return this.service.verify(this.agentContext, id)
  }

  fetchContexts({ id }: { id: string }): Promise<CredentialOffer> {
    return this.service.fetchContexts(this.agentContext, id)
  }
}
