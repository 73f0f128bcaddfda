import type { AgreementTerms } from '../../../shared/api'
import { durationDays, shortTypeName, type PurposeVocabulary } from '../vocabulary'
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
    // The request's item is the agreed one of the same id (its descriptor), or one of the same credential type.
    const agreed = terms.items.filter(
      (candidate) =>
        candidate.id === item.descriptorId ||
        candidate.types.some((type) => item.types.some((held) => sameType(type, held))),
    )
    const allowed = new Set(agreed.flatMap((candidate) => candidate.claims))
    // A statement inside an agreed claim (address.city of address) is within it.
    const extra = item.claims.filter((claim) => !allowed.has(claim) && !allowed.has(claim.split('.')[0]))
    if (!agreed.length) return beyond(`${item.types.at(-1) ?? item.descriptorId} is not in the agreement`)
    if (extra.length) return beyond(`${extra.join(', ')} of ${item.types.at(-1) ?? item.descriptorId} is not agreed`)
  }
  return { within: true }
}

/** A short type name (IdentityCredential) names the same type as a URI or vct ending in it. */
function sameType(agreed: string, asked: string): boolean {
  return agreed === asked || shortTypeName(agreed) === shortTypeName(asked)
}
