import { randomUUID } from 'node:crypto'

import { and, count, eq, gt } from 'drizzle-orm'

import type { ConsentEvaluation } from '../../../shared/api'
import type { AppDatabase } from '../db'
import { consentEvaluations } from './consentTables'
import { instantBefore } from './durations'
import { evaluate, type PolicyWithUse } from './evaluate'
import { currentPolicies } from './policyStore'
import type { PurposeVocabulary } from './purposes'
import type { RequestFacts } from './requestFacts'

type Db = Pick<AppDatabase, 'select'>

/** Every current policy with the answers it took in its frequency window ending at `at`. */
export function withUse(db: Db, at: string): PolicyWithUse[] {
  return currentPolicies(db).map((policy) => {
    const period = policy.when.period
    if (!period) return { policy, used: 0 }
    const [row] = db
      .select({ used: count() })
      .from(consentEvaluations)
      .where(
        and(
          eq(consentEvaluations.policyId, policy.id),
          eq(consentEvaluations.taken, true),
          gt(consentEvaluations.evaluatedAt, instantBefore(at, period)),
        ),
      )
      .all()
    return { policy, used: row?.used ?? 0 }
  })
}

/**
 * Counts each policy's answers in its window, evaluates and records the decision in one IMMEDIATE
 * SQLite transaction: a second request can neither read the count before this one wrote its row nor
 * take the last answer too. Returns undefined when the request was already decided.
 */
export function takeDecision(
  db: AppDatabase,
  requestId: string,
  facts: RequestFacts,
  vocabulary: PurposeVocabulary,
): ConsentEvaluation | undefined {
  return db.transaction(
    (tx) => {
      const earlier = tx.select().from(consentEvaluations).where(eq(consentEvaluations.requestId, requestId)).get()
      if (earlier) return undefined
      const policies = withUse(tx, facts.at)
      const result = evaluate(facts, policies, vocabulary)
      const evaluation: ConsentEvaluation = { requestId, evaluatedAt: facts.at, ...result }
      tx.insert(consentEvaluations)
        .values({
          id: randomUUID(),
          requestId,
          evaluatedAt: facts.at,
          outcome: result.outcome,
          policyId: result.decidedBy?.policyId ?? null,
          policyVersion: result.decidedBy?.version ?? null,
          taken: result.outcome === 'share',
          trace: JSON.stringify({ considered: result.considered, reason: result.reason }),
        })
        .run()
      return evaluation
    },
    { behavior: 'immediate' },
  )
}
