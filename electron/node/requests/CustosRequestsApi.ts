import { AgentContext, inject, injectable } from '@credo-ts/core'

import type { ContractApi, ProofRequestSummary, ProposedAnswer, requestsContract } from '../../../shared/api'
import { awaitRequesterVerdict } from './requesterVerdict'
import { RequestsService, type Decision } from './RequestsService'

type ApproveInput = { id: string } & Omit<Extract<Decision, { approve: true }>, 'approve'>

/** The person's side of proof requests: the list, the proposed answer, approve or decline. */
@injectable()
export class CustosRequestsApi implements ContractApi<typeof requestsContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(RequestsService) private readonly service: RequestsService,
  ) {}

  list(): Promise<ProofRequestSummary[]> {
    return this.service.list(this.agentContext)
  }

  get({ id }: { id: string }): Promise<ProofRequestSummary> {
    return this.service.get(this.agentContext, id)
  }

  propose({ id }: { id: string }): Promise<ProposedAnswer> {
    return this.service.propose(this.agentContext, id)
  }

  async approve({ id, ...chosen }: ApproveInput): Promise<ProofRequestSummary> {
    await this.service.answer(this.agentContext, id, { approve: true, ...chosen })
    // The screen says what the requester did with the answer, not only that it left.
    await awaitRequesterVerdict(this.agentContext, id)
    return this.service.get(this.agentContext, id)
  }

  async decline({ id, reason }: { id: string; reason?: string }): Promise<ProofRequestSummary> {
    await this.service.answer(this.agentContext, id, { approve: false, reason })
    return this.service.get(this.agentContext, id)
  }
}
