import { inject, injectable, type AgentContext } from '@credo-ts/core'
import { DidCommProofExchangeRepository, DidCommProofState } from '@credo-ts/didcomm'
import { eq } from 'drizzle-orm'

import type { ProofRequestSummary } from '../../../shared/api'
import { appDatabaseOf } from '../db'
import type { AnswerRecorder } from '../requests'
import { describeDisclosure } from './describeDisclosure'
import { disclosures } from './disclosureTables'
import { DisclosuresService } from './DisclosuresService'

const STOPPED_BEFORE = 'The app stopped before this answer left; nothing was sent.'
const STOPPED_WHILE = 'The app stopped while this answer was being sent; the requester may have received it.'

/** The history's side of answering a DIDComm proof request (see requests/AnswerRecorder.ts). */
@injectable()
export class DisclosureAnswerRecorder implements AnswerRecorder {
  constructor(@inject(DisclosuresService) private readonly disclosures: DisclosuresService) {}

  async beforeSending(
    agentContext: AgentContext,
    requestId: string,
    claimsLeft: Record<string, string[]>,
    summary?: ProofRequestSummary,
  ) {
    const row = await describeDisclosure(agentContext, requestId, Object.keys(claimsLeft), claimsLeft, summary)
    return this.disclosures.beginDisclosure(agentContext, row).id
  }

  sent(agentContext: AgentContext, entryId: string): void {
    this.disclosures.settleDelivery(agentContext, entryId, 'sent')
  }

  notSent(agentContext: AgentContext, entryId: string, reason: string): void {
    this.disclosures.settleDelivery(agentContext, entryId, 'not-sent', reason)
  }
}

/**
 * At start: entries a crash left pending. Credo marks a proof exchange presentation-sent before it sends,
 * so an exchange still at request-received never left; one past it may have. An entry of another
 * protocol (no proof exchange) cannot be told apart, and says so.
 */
export async function settleInterrupted(agentContext: AgentContext, service: DisclosuresService): Promise<number> {
  const pending = appDatabaseOf(agentContext)
    .select({ id: disclosures.id, requestId: disclosures.requestId })
    .from(disclosures)
    .where(eq(disclosures.delivery, 'pending'))
    .all()
  const proofs = agentContext.dependencyManager.resolve(DidCommProofExchangeRepository)
  for (const { id, requestId } of pending) {
    const exchange = await proofs.findById(agentContext, requestId)
    if (exchange?.state === DidCommProofState.RequestReceived)
      service.settleDelivery(agentContext, id, 'not-sent', STOPPED_BEFORE)
    else service.settleDelivery(agentContext, id, 'uncertain', STOPPED_WHILE)
  }
  return pending.length
}
