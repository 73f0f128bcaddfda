import { randomUUID } from 'node:crypto'

import { and, count, eq, gt, inArray } from 'drizzle-orm'

import type { ConsentEvaluation } from '../../../shared/api'
import type { AppDatabase } from '../db'
import { consentEvaluations } from './consentTables'
import { instantBefore } from './durations'
import { evaluate, type PolicyWithUse } from './evaluate'
import { currentPolicies } from './policyStore'
import type { PurposeVocabulary } from './purposes'
import type { RequestFacts } from './requestFacts'

type Db = Pick<AppDatabase, 'select'>

/**
 * Every current policy with the answers it took in its frequency window ending at `at`: one grouped
 * count for all the policies that share a period (a count per policy was most of an evaluation's time).
 */
export function withUse(db: Db, at: string): PolicyWithUse[] {
  const policies = currentPolicies(db)
  const byPeriod = new Map<string, string[]>()
  for (const { id, when } of policies)
    if (when.period) byPeriod.set(when.period, [...(byPeriod.get(when.period) ?? []), id])
  const used = new Map<string, number>()
  for (const [period, ids] of byPeriod) {
    // Within SQLite's limit on bound parameters.
    for (let i = 0; i < ids.length; i += 500) {
      const rows = db
        .select({ policyId: consentEvaluations.policyId, used: count() })
        .from(consentEvaluations)
        .where(
          and(
            inArray(consentEvaluations.policyId, ids.slice(i, i + 500)),
            eq(consentEvaluations.taken, true),
            gt(consentEvaluations.evaluatedAt, instantBefore(at, period)),
          ),
        )
        .groupBy(consentEvaluations.policyId)
        .all()
      for (const row of rows) if (row.policyId) used.set(row.policyId, row.used)
    }
  }
  return policies.map((policy) => ({ policy, used: policy.when.period ? (used.get(policy.id) ?? 0) : 0 }))
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
