import type { AgentContext } from '@credo-ts/core'

import { appDatabaseOf } from '../db'
import { approvedAskFor, mandateRow } from './mandateStore'
import { labelOf } from './members'

/** For the history: the mandate and delegate that approved this proof request, when a delegate did. */
export async function mandateApprovalOf(
  agentContext: AgentContext,
  requestId: string,
): Promise<{ mandateId: string; delegate: string } | undefined> {
  const db = appDatabaseOf(agentContext)
  const ask = approvedAskFor(db, requestId)
  const mandate = ask && mandateRow(db, ask.mandateId)
  if (!mandate) return undefined
  return { mandateId: mandate.id, delegate: (await labelOf(agentContext, mandate.connectionId)) ?? 'a member' }
}
