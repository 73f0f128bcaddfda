import type { ConsentEvaluation, ConsentPolicy, ConsideredPolicy, PolicyAction } from '../../../shared/api'
import { frequencyClause, retentionClause, statusClause, whatClause, whenClause, whoClause, whyClause } from './clauses'
import type { PurposeVocabulary } from '../vocabulary'
import type { RequestFacts } from './requestFacts'

export interface PolicyWithUse {
  policy: ConsentPolicy
  /** Answers it took in its current frequency window. */
  used: number
}

export type Evaluation = Omit<ConsentEvaluation, 'requestId' | 'evaluatedAt'>

// The most protective action wins when several policies apply.
const STRENGTH: Record<PolicyAction, number> = { refuse: 3, ask: 2, share: 1 }

/**
 * Pure and deterministic: the same facts and policies give the same outcome and the same explanation.
 * A policy applies when its who and why hold and it is not paused; then a revoked policy refuses, a
 * request beyond its `what` gets its `beyond` action, and otherwise its own action, if every other
 * clause holds. No applying policy: the request waits for the person ('none').
 */
export function evaluate(facts: RequestFacts, policies: PolicyWithUse[], vocabulary: PurposeVocabulary): Evaluation {
  const ordered = [...policies].sort(
    (a, b) => a.policy.createdAt.localeCompare(b.policy.createdAt) || a.policy.id.localeCompare(b.policy.id),
  )
  const considered = ordered.map(({ policy, used }) => consider(policy, used, facts, vocabulary))
  let decider: ConsideredPolicy | undefined
  for (const entry of considered) {
    if (!entry.action) continue
    if (!decider?.action || STRENGTH[entry.action] > STRENGTH[decider.action]) decider = entry
  }
  if (!decider?.action) {
    return { outcome: 'none', considered, reason: 'No policy covers this request; it waits for the person.' }
  }
  return {
    outcome: decider.action,
    decidedBy: { policyId: decider.policyId, version: decider.version },
    considered,
    reason: `"${decider.name}" (version ${decider.version}) says ${decider.action}.`,
  }
}

function consider(
  policy: ConsentPolicy,
  used: number,
  facts: RequestFacts,
  vocabulary: PurposeVocabulary,
): ConsideredPolicy {
  const what = whatClause(policy, facts)
  const clauses = [
    statusClause(policy),
    whoClause(policy, facts),
    whyClause(policy, facts, vocabulary),
    { clause: what.clause, ok: what.ok, reason: what.reason },
    whenClause(policy, facts),
    retentionClause(policy, facts),
    frequencyClause(policy, used),
  ]
  const holds = (name: string) => clauses.find((clause) => clause.clause === name)?.ok === true
  const base = { policyId: policy.id, version: policy.version, name: policy.name, clauses }
  const applies = policy.status !== 'paused' && holds('who') && holds('why')
  if (!applies) return { ...base, matched: false }
  // Revoked: whatever else it says, what it used to cover is refused, at once.
  if (policy.status === 'revoked') return { ...base, matched: true, action: 'refuse' }
  if (!what.ok && what.beyond && holds('when')) return { ...base, matched: true, action: policy.beyond }
  const rest = clauses.every((clause) => clause.ok)
  return rest ? { ...base, matched: true, action: policy.action } : { ...base, matched: false }
}
