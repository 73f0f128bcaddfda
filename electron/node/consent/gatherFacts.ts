import type { AgentContext } from '@credo-ts/core'

import type { ProofRequestSummary, ProposedAnswer } from '../../../shared/api'
import { keysOfConnection } from '../credentials'
import { RequestsService } from '../requests'
import { TrustListsService } from '../trustLists'
import type { PurposeVocabulary } from '../vocabulary'
import type { RequestFacts } from './requestFacts'

export interface GatheredRequest {
  facts: RequestFacts
  summary: ProofRequestSummary
  proposal: ProposedAnswer
}

/** The roles imported trust lists give whoever holds the keys of this connection. */
export async function rolesOfConnection(agentContext: AgentContext, connectionId?: string): Promise<string[]> {
  if (!connectionId) return []
  const keys = await keysOfConnection(agentContext, connectionId)
  const entries = agentContext.dependencyManager.resolve(TrustListsService).entriesForKeys(agentContext, keys)
  return [...new Set(entries.flatMap((entry) => entry.roles))].sort()
}

/** A waiting proof request as evaluation sees it: what would leave, to whom (by keys), why, for how long. */
export async function gatherFacts(
  agentContext: AgentContext,
  requestId: string,
  vocabulary: PurposeVocabulary,
): Promise<GatheredRequest> {
  const requests = agentContext.dependencyManager.resolve(RequestsService)
  // Independent reads of the store, so they wait on Askar side by side (this is on the way to every answer).
  const [summary, proposal] = await Promise.all([
    requests.get(agentContext, requestId),
    requests.propose(agentContext, requestId),
  ])
  const stated = [summary.dpvPurpose, summary.purpose].filter((text): text is string => Boolean(text))
  const purpose = stated.map((text) => vocabulary.lookup(text)).find((id) => id !== undefined)
  const facts: RequestFacts = {
    connectionId: summary.connectionId,
    // The lists that vouch for the connection's keys were read for the summary; their roles are the same
    // entries' (every entry belongs to a list), so the keys are not resolved a second time.
    roles: [...new Set(summary.vouchedBy.flatMap((voucher) => voucher.roles))].sort(),
    purposes: purpose ? [purpose] : [],
    retention: summary.retention,
    thirdParties: summary.thirdParties,
    profiling: summary.profiling,
    agreementId: summary.agreement,
    items: proposal.items.map((item) => ({
      descriptorId: item.descriptorId,
      types: item.types ?? [],
      claims: Object.keys(item.claimsLeaving).filter((claim) => claim !== 'id'),
      held: item.credentialId !== undefined,
      optional: item.optional,
      credentialId: item.credentialId,
    })),
    at: new Date().toISOString(),
  }
  return { facts, summary, proposal }
}
