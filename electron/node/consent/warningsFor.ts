import { W3cCredentialRepository, type AgentContext } from '@credo-ts/core'

import type { RequestWarning } from '../../../shared/api'
import { keysOfConnection, toHeldCredential } from '../credentials'
import { TrustListsService } from '../trustLists'
import { gatherFacts } from './gatherFacts'
import { lookAlikeWarning } from './lookAlike'
import { dpvPurposes } from '../vocabulary'
import { requestWarnings } from './warnings'

/** The warnings of one waiting request, from what would leave, who holds the connection's keys, and what is held. */
export async function warningsFor(agentContext: AgentContext, requestId: string): Promise<RequestWarning[]> {
  const { facts, summary } = await gatherFacts(agentContext, requestId, dpvPurposes())
  const keys = summary.connectionId ? await keysOfConnection(agentContext, summary.connectionId) : new Set<string>()
  const listed = agentContext.dependencyManager.resolve(TrustListsService).entriesForKeys(agentContext, keys)
  const records = await agentContext.dependencyManager.resolve(W3cCredentialRepository).getAll(agentContext)
  const held = records.flatMap((record) => Object.keys(toHeldCredential(record).claims))
  const warnings = requestWarnings({
    asked: [...new Set(summary.asked.flatMap((item) => item.claims))],
    leaving: [...new Set(facts.items.flatMap((item) => item.claims))],
    listed,
    purposeId: facts.purposes[0],
    held: [...new Set(held)],
  })
  // First: of all the warnings, this one says not to trust the name the rest of the screen shows.
  const lookAlike = await lookAlikeWarning(agentContext, summary.connectionId, summary.requester)
  return lookAlike ? [lookAlike, ...warnings] : warnings
}
