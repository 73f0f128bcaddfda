import { AgentContext, inject, injectable } from '@credo-ts/core'

import type {
  ConsentEvaluation,
  ConsentPolicy,
  ContractApi,
  DpvPurpose,
  PolicyDecision,
  PolicyInput,
  Position,
  ProofRequestSummary,
  RequestWarning,
  consentContract,
} from '../../../shared/api'
import { appDatabaseOf } from '../db'
import { currentProfile, positionOf } from '../privacyProfile'
import { dpvPurposes } from '../vocabulary'
import { answerAndRemember, rememberedPolicy, type RememberChoice } from './answerAndRemember'
import { checkWho } from './checkWho'
import { ConsentService } from './ConsentService'
import { gatherFacts } from './gatherFacts'
import { policyDecisions } from './policyDecisions'
import { tryIt, type SampleRequest } from './tryIt'
import { warningsFor } from './warningsFor'

@injectable()
export class ConsentApi implements ContractApi<typeof consentContract> {
  constructor(
    @inject(AgentContext) private readonly agentContext: AgentContext,
    @inject(ConsentService) private readonly service: ConsentService,
  ) {}

  async listPolicies(): Promise<ConsentPolicy[]> {
    return this.service.list(this.agentContext)
  }

  async policyHistory({ id }: { id: string }): Promise<ConsentPolicy[]> {
    return this.service.history(this.agentContext, id)
  }

  async createPolicy(input: PolicyInput): Promise<ConsentPolicy> {
    await checkWho(this.agentContext, input)
    return this.service.create(this.agentContext, input)
  }

  async updatePolicy({ id, policy }: { id: string; policy: PolicyInput }): Promise<ConsentPolicy> {
    await checkWho(this.agentContext, policy)
    return this.service.update(this.agentContext, id, policy)
  }

  async pausePolicy({ id }: { id: string }): Promise<ConsentPolicy> {
    return this.service.pause(this.agentContext, id)
  }

  async resumePolicy({ id }: { id: string }): Promise<ConsentPolicy> {
    return this.service.resume(this.agentContext, id)
  }

  async revokePolicy({ id }: { id: string }): Promise<ConsentPolicy> {
    return this.service.revoke(this.agentContext, id)
  }

  tryIt(sample: SampleRequest): Promise<Omit<ConsentEvaluation, 'requestId'>> {
    return tryIt(this.agentContext, sample)
  }

  async evaluations({ requestId }: { requestId: string }): Promise<ConsentEvaluation[]> {
    return this.service.evaluations(this.agentContext, requestId)
  }

  async purposes(): Promise<DpvPurpose[]> {
    return dpvPurposes().purposes
  }

  decisions({ limit }: { limit: number }): Promise<PolicyDecision[]> {
    return policyDecisions(this.agentContext, limit)
  }

  requestWarnings({ requestId }: { requestId: string }): Promise<RequestWarning[]> {
    return warningsFor(this.agentContext, requestId)
  }

  async requestPosition({ requestId }: { requestId: string }): Promise<Position> {
    const vocabulary = dpvPurposes()
    const { facts } = await gatherFacts(this.agentContext, requestId, vocabulary)
    return positionOf(currentProfile(appDatabaseOf(this.agentContext)), facts, vocabulary)
  }

  previewRemember(input: RememberChoice): Promise<PolicyInput> {
    return rememberedPolicy(this.agentContext, input)
  }

  answerAndRemember(input: RememberChoice): Promise<{ request: ProofRequestSummary; policy?: ConsentPolicy }> {
    return answerAndRemember(this.agentContext, input)
  }
}
