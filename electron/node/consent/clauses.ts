import type { ClauseResult, ConsentPolicy } from '../../../shared/api'
import { durationDays } from '../vocabulary'
import type { PurposeVocabulary } from '../vocabulary'
import type { RequestFacts } from './requestFacts'

const ok = (clause: ClauseResult['clause'], reason: string): ClauseResult => ({ clause, ok: true, reason })
const fail = (clause: ClauseResult['clause'], reason: string): ClauseResult => ({ clause, ok: false, reason })

export function statusClause(policy: ConsentPolicy): ClauseResult {
  if (policy.status === 'active') return ok('status', 'active')
  if (policy.status === 'paused') return fail('status', 'paused: it decides nothing until resumed')
  return fail('status', 'revoked: requests it covered are refused')
}

export function whoClause(policy: ConsentPolicy, facts: RequestFacts): ClauseResult {
  const who = policy.who
  if (who.kind === 'connection') {
    return facts.connectionId === who.connectionId
      ? ok('who', `came through connection ${who.connectionId}`)
      : fail('who', `came through ${facts.connectionId ?? 'no connection'}, not connection ${who.connectionId}`)
  }
  return facts.roles.includes(who.role)
    ? ok('who', `an imported trust list lists the requester as ${who.role}`)
    : fail('who', `no imported trust list lists the requester as ${who.role}`)
}

export function whyClause(policy: ConsentPolicy, facts: RequestFacts, vocabulary: PurposeVocabulary): ClauseResult {
  if (facts.purposes.length === 0) return fail('why', 'the request states no purpose from the vocabulary')
  const uncovered = facts.purposes.filter((stated) => !policy.why.some((allowed) => vocabulary.covers(allowed, stated)))
  return uncovered.length === 0
    ? ok('why', `purpose ${facts.purposes.join(', ')} is covered`)
    : fail('why', `purpose ${uncovered.join(', ')} is not among ${policy.why.join(', ')}`)
}

/** Whole credentials leave (Ed25519Signature2018 signs them whole): every claim of each must be named. */
export function whatClause(policy: ConsentPolicy, facts: RequestFacts): ClauseResult & { beyond: boolean } {
  const notHeld = facts.items.filter((item) => !item.held).map((item) => item.descriptorId)
  if (notHeld.length > 0) return { ...fail('what', `nothing held answers ${notHeld.join(', ')}`), beyond: false }
  const problems: string[] = []
  for (const item of facts.items) {
    const entries = policy.what.filter((entry) => item.types.includes(entry.type))
    if (entries.length === 0) {
      problems.push(`${item.descriptorId}: type ${item.types.at(-1) ?? '?'} is not named`)
      continue
    }
    const named = new Set(entries.flatMap((entry) => entry.claims))
    const extra = item.claims.filter((claim) => !named.has(claim))
    if (extra.length > 0) problems.push(`${item.descriptorId}: ${extra.join(', ')} would leave but are not named`)
  }
  return problems.length === 0
    ? { ...ok('what', 'every claim that would leave is named'), beyond: false }
    : { ...fail('what', problems.join('; ')), beyond: true }
}

export function whenClause(policy: ConsentPolicy, facts: RequestFacts): ClauseResult {
  const { validFrom, validUntil } = policy.when
  if (validFrom && Date.parse(facts.at) < Date.parse(validFrom)) return fail('when', `valid only from ${validFrom}`)
  if (validUntil && Date.parse(facts.at) >= Date.parse(validUntil)) return fail('when', `expired at ${validUntil}`)
  return ok('when', 'within its validity')
}

export function retentionClause(policy: ConsentPolicy, facts: RequestFacts): ClauseResult {
  const max = policy.when.maxRetention
  if (!max) return ok('retention', 'no limit on retention')
  const stated = facts.retention === undefined ? undefined : durationDays(facts.retention)
  if (stated === undefined) return fail('retention', `the request states no retention; at most ${max} is allowed`)
  const allowed = durationDays(max) ?? 0
  return stated <= allowed
    ? ok('retention', `retention ${facts.retention} is within ${max}`)
    : fail('retention', `retention ${facts.retention} is longer than ${max}`)
}

export function frequencyClause(policy: ConsentPolicy, used: number): ClauseResult {
  const { maxAnswers, period } = policy.when
  if (maxAnswers === undefined || !period) return ok('frequency', 'no frequency limit')
  return used < maxAnswers
    ? ok('frequency', `${used} of ${maxAnswers} answers used in the last ${period}`)
    : fail('frequency', `all ${maxAnswers} answers of the last ${period} are used`)
}
