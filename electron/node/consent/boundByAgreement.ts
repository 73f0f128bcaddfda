import { countUseAfterEnd, findAgreement, withinAgreement } from '../agreements'
import type { AppDatabase } from '../db'
import type { PurposeVocabulary } from '../vocabulary'
import type { Evaluation } from './evaluate'
import type { RequestFacts } from './requestFacts'

/**
 * A request that names a data agreement is held to it: whatever a policy or the profile would say, what
 * goes beyond the agreement is refused, and a request under a terminated agreement is also counted
 * against the company. Runs inside the decision's transaction.
 */
export function boundByAgreement(
  db: AppDatabase,
  facts: RequestFacts,
  evaluation: Evaluation,
  vocabulary: PurposeVocabulary,
): Evaluation {
  if (!facts.agreementId) return evaluation
  const row = findAgreement(db, facts.agreementId)
  const check = withinAgreement(row, facts, vocabulary)
  if (check.within) return evaluation
  if (check.ended && row) countUseAfterEnd(db, row.id)
  return { ...evaluation, outcome: 'refuse', decidedBy: undefined, reason: `Refused: ${check.reason}.` }
}
