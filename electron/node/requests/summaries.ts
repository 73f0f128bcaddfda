import { type AgentContext } from '@credo-ts/core'
import { DidCommConnectionRepository, type DidCommProofExchangeRecord } from '@credo-ts/didcomm'

import type { ProofRequestSummary } from '../../../shared/api'
import { askedItems } from './askedItems'
import { presentationExchangeOf, requestMessageOf } from './proofsApi'
import { parseRequestTerms } from './requestTerms'

/** A proof request as the person sees it: who asks, for what, under which stated terms. */
export async function toRequestSummary(
  agentContext: AgentContext,
  record: DidCommProofExchangeRecord,
): Promise<ProofRequestSummary> {
  const message = await requestMessageOf(agentContext, record.id)
  const request = presentationExchangeOf(message, record.id)
  const terms = parseRequestTerms(message.comment)
  const connection = record.connectionId
    ? await agentContext.dependencyManager
        .resolve(DidCommConnectionRepository)
        .findById(agentContext, record.connectionId)
    : null
  return {
    id: record.id,
    connectionId: record.connectionId,
    requester: connection?.theirLabel,
    // The definition's own purpose is the standard place; the terms may restate or refine it.
    purpose: request.presentation_definition.purpose ?? terms.purpose,
    dpvPurpose: terms.dpvPurpose,
    retention: terms.retention,
    legalBasis: terms.legalBasis,
    asked: askedItems(request.presentation_definition),
    state: record.state,
    receivedAt: record.createdAt.toISOString(),
  }
}
