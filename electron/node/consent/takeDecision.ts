import { randomUUID } from 'node:crypto'

import { eq } from 'drizzle-orm'

import type { ConsentEvaluation } from '../../../shared/api'
import type { AppDatabase } from '../db'
import { currentProfile, positionOf } from '../privacyProfile'
import { boundByAgreement } from './boundByAgreement'
import { boundByProfile } from './boundByProfile'
import { consentEvaluations } from './consentTables'
import { evaluate, type PolicyWithUse } from './evaluate'
import { usedInWindows } from './frequencyCounts'
import { currentPolicies } from './policyStore'
import type { PurposeVocabulary } from '../vocabulary'
import type { RequestFacts } from './requestFacts'

/**
 * Every current policy with the answers it took in its frequency window ending at `at`, each count
 * stopping at the policy's own limit (see frequencyCounts). Raw prepared statements on the connection:
 * inside takeDecision's transaction they read what it reads, as better-sqlite3 has one connection.
 */
export function withUse(db: AppDatabase, at: string): PolicyWithUse[] {
  const policies = currentPolicies(db)
  const used = usedInWindows(db.$client, policies, at)
  return policies.map((policy) => ({ policy, used: used.get(policy.id) ?? 0 }))
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
      // The database, not tx: the same connection, and withUse needs its client.
      const policies = withUse(db, facts.at)
      const position = positionOf(currentProfile(db), facts, vocabulary)
      const bounded = boundByProfile(evaluate(facts, policies, vocabulary), position)
      const result = boundByAgreement(db, facts, bounded, vocabulary)
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
          trace: JSON.stringify({ considered: result.considered, reason: result.reason, position }),
        })
        .run()
      return evaluation
    },
    { behavior: 'immediate' },
  )
}
