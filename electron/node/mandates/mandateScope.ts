import type { ConsentPolicy, MandateScope } from '../../../shared/api'
import { evaluate, type RequestFacts } from '../consent'
import type { PurposeVocabulary } from '../vocabulary'
import type { MandateRow } from './mandateStore'

/**
 * A mandate's clauses are a consent policy's (who, what, why, when, how often), so they are evaluated by
 * the policies' own evaluator, as a policy that would share: the mandate covers a request exactly when
 * that policy would share it. There is no second evaluator to drift from the first.
 */
export function asPolicy(row: MandateRow): ConsentPolicy {
  const scope = JSON.parse(row.scope) as MandateScope
  return {
    ...scope,
    name: row.name,
    action: 'share',
    beyond: 'ask',
    id: row.id,
    version: 1,
    status: row.status === 'active' ? 'active' : 'revoked',
    createdAt: row.createdAt,
    updatedAt: row.createdAt,
  }
}

export interface Coverage {
  covered: boolean
  /** The clauses that do not hold, in words; empty when covered. */
  failing: string[]
}

export function coverage(facts: RequestFacts, row: MandateRow, used: number, vocabulary: PurposeVocabulary): Coverage {
  const evaluation = evaluate(facts, [{ policy: asPolicy(row), used }], vocabulary)
  const clauses = evaluation.considered[0]?.clauses ?? []
  return {
    covered: row.status === 'active' && evaluation.outcome === 'share',
    failing: clauses.filter((clause) => !clause.ok).map((clause) => `${clause.clause}: ${clause.reason}`),
  }
}
