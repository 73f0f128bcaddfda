import type { AgreementTerms } from '../../../shared/api'
import { durationDays, type PurposeVocabulary } from '../vocabulary'
import type { DataAgreementRow } from './agreementsTable'

/** What a request under an agreement asks, as consent evaluation gathered it. */
export interface AskedUnder {
  connectionId?: string
  purposes: string[]
  retention?: string
  items: { descriptorId: string; types: string[]; claims: string[] }[]
}

export type AgreementCheck = { within: true } | { within: false; ended: boolean; reason: string }

/**
 * Pure: whether a request stays inside the agreement it names. Only the connection the agreement was
 * made with may use it, only while it is agreed, and only for its purposes, its retention, and its items
 * (each item's credential type and claims).
 */
export function withinAgreement(
  row: DataAgreementRow | undefined,
  asked: AskedUnder,
  vocabulary: PurposeVocabulary,
): AgreementCheck {
  const beyond = (reason: string, ended = false): AgreementCheck => ({ within: false, ended, reason })
  if (!row || row.connectionId !== asked.connectionId) return beyond('it names no agreement made with this requester')
  if (row.state === 'terminated') return beyond('it names an agreement that was terminated', true)
  if (row.state !== 'agreed') return beyond('it names an agreement that was never signed by both sides')
  const terms = JSON.parse(row.current) as AgreementTerms
  const outside = asked.purposes.filter((p) => !terms.purposes.some((agreed) => vocabulary.covers(agreed, p)))
  if (outside.length) return beyond(`purpose ${outside.join(', ')} is not agreed`)
  const stated = asked.retention === undefined ? undefined : durationDays(asked.retention)
  if (stated === undefined || stated > (durationDays(terms.retention) ?? 0))
    return beyond(
      `it keeps the data ${asked.retention ?? 'for a time it does not state'}, the agreement ${terms.retention}`,
    )
  for (const item of asked.items) {
    const agreed = terms.items.filter((candidate) => candidate.types.some((type) => item.types.includes(type)))
    const allowed = new Set(agreed.flatMap((candidate) => candidate.claims))
    const extra = item.claims.filter((claim) => !allowed.has(claim))
    if (!agreed.length) return beyond(`${item.types.at(-1) ?? item.descriptorId} is not in the agreement`)
    if (extra.length) return beyond(`${extra.join(', ')} of ${item.types.at(-1) ?? item.descriptorId} is not agreed`)
  }
  return { within: true }
}
