import { type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionRepository,
  type DidCommConnectionRecord,
  type DidCommProofExchangeRecord,
} from '@credo-ts/didcomm'

import type { ProofRequestSummary, TrustListVoucher } from '../../../shared/api'
import { keysOfConnectionRecord } from '../credentials'
import { TrustListsService } from '../trustLists'
import { askedItems } from './askedItems'
import { presentationExchangeOf, requestMessageOf } from './proofsApi'
import { parseRequestTerms } from './requestTerms'
import { answerOf } from './requesterVerdict'

/** The imported lists that vouch for the keys speaking for the connection (its label alone proves nothing). */
async function vouchersOf(
  agentContext: AgentContext,
  connection: DidCommConnectionRecord,
): Promise<TrustListVoucher[]> {
  const keys = await keysOfConnectionRecord(agentContext, connection)
  return agentContext.dependencyManager.resolve(TrustListsService).vouchersForKeys(agentContext, keys)
}

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
    vouchedBy: connection ? await vouchersOf(agentContext, connection) : [],
    // The definition's own purpose is the standard place; the terms may restate or refine it.
    purpose: request.presentation_definition.purpose ?? terms.purpose,
    dpvPurpose: terms.dpvPurpose,
    retention: terms.retention,
    legalBasis: terms.legalBasis,
    thirdParties: terms.thirdParties,
    profiling: terms.profiling,
    agreement: terms.agreement,
    asked: askedItems(request.presentation_definition),
    state: record.state,
    answer: await answerOf(agentContext, record),
    receivedAt: record.createdAt.toISOString(),
  }
}
