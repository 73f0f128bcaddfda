import { AgentContext, inject, injectable } from '@credo-ts/core'

import type {
  ContractApi,
  CredentialOfferSummary,
  HeldCredential,
  openid4vcContract,
  PresentationAnswer,
  PresentationChoice,
  PresentationRequestSummary,
  SignInStart,
  SignInStatus,
} from '../../../shared/api'
import { OfferService } from './OfferService'
import { PresentationService } from './PresentationService'
import { SignInService } from './SignInService'

@injectable()
export class CustosOpenId4VcApi implements ContractApi<typeof openid4vcContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(OfferService) private readonly offers: OfferService,
    @inject(PresentationService) private readonly presentations: PresentationService,
    @inject(SignInService) private readonly signIns: SignInService,
  ) {}

  async resolveOffer({ offer }: { offer: string }): Promise<CredentialOfferSummary> {
    return this.offers.resolve(this.agentContext, offer)
  }

  async acceptOffer({ offer, txCode }: { offer: string; txCode?: string }): Promise<HeldCredential[]> {
    return this.offers.accept(this.agentContext, offer, txCode)
  }

  async renewBatch({ credentialId }: { credentialId: string }): Promise<HeldCredential> {
    return this.offers.renew(this.agentContext, credentialId)
  }

  async startSignIn({ offer }: { offer: string }): Promise<SignInStart> {
    return this.signIns.start(this.agentContext, offer)
  }

  async signInStatus({ id }: { id: string }): Promise<SignInStatus> {
    return this.signIns.status(id)
  }

  async resolveRequest({ request }: { request: string }): Promise<PresentationRequestSummary> {
    return this.presentations.resolve(this.agentContext, request)
  }

  async listRequests(): Promise<PresentationRequestSummary[]> {
    return this.presentations.list(this.agentContext)
  }

  async approveRequest({ id, ...choice }: { id: string } & PresentationChoice): Promise<PresentationAnswer> {
    return this.presentations.approve(this.agentContext, id, choice)
  }

  async declineRequest({ id }: { id: string }): Promise<PresentationAnswer> {
    return this.presentations.decline(this.agentContext, id)
  }
}
