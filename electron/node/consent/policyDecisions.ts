import type { AgentContext } from '@credo-ts/core'
import { and, desc, eq, isNotNull, or } from 'drizzle-orm'

import type { ConsideredPolicy, PolicyDecision } from '../../../shared/api'
import { appDatabaseOf } from '../db'
import { RequestsService } from '../requests'
import { consentEvaluations } from './consentTables'

/**
 * The requests a standing policy (or an agreement, refusing what went beyond it) answered without the person, newest first: what Home lists and what the
 * desktop shell notifies. A share counts only when it was taken (a share that failed gave its answer back).
 */
export async function policyDecisions(agentContext: AgentContext, limit: number): Promise<PolicyDecision[]> {
  const rows = appDatabaseOf(agentContext)
    .select()
    .from(consentEvaluations)
    .where(
      // A refusal without a policy is one an agreement decided (boundByAgreement): the person sees it too.
      or(
        eq(consentEvaluations.outcome, 'refuse'),
        and(
          isNotNull(consentEvaluations.policyId),
          eq(consentEvaluations.outcome, 'share'),
          eq(consentEvaluations.taken, true),
        ),
      ),
    )
    .orderBy(desc(consentEvaluations.evaluatedAt))
    .limit(limit)
    .all()
  const requests = agentContext.dependencyManager.resolve(RequestsService)
  return Promise.all(
    rows.map(async (row): Promise<PolicyDecision> => {
      // The exchange may be gone (its connection removed); the decision is still the person's to see.
      const request = await requests.get(agentContext, row.requestId).catch(() => undefined)
      const trace = JSON.parse(row.trace) as { considered?: ConsideredPolicy[] }
      const policy = trace.considered?.find((considered) => considered.policyId === row.policyId)
      return {
        requestId: row.requestId,
        decidedAt: row.evaluatedAt,
        outcome: row.outcome === 'share' ? 'shared' : 'refused',
        policyId: row.policyId ?? '',
        policyVersion: row.policyVersion ?? 1,
        policyName: policy?.name,
        requester: request?.requester,
        purpose: request?.purpose,
        // What the requester did with a share: "shared" on screen is what it acknowledged.
        answer: request?.answer,
        beyondAgreement: row.policyId === null || undefined,
      }
    }),
  )
}
