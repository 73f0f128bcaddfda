import type { Disclosure, DisclosureNotice } from '../../../shared/api'
import type { AppDatabase } from '../db'
import { currentProfile } from '../privacyProfile'
import { durationDays } from '../vocabulary'

/** How long a recipient has to confirm a deletion when the person set no period of their own. */
export const DEFAULT_ANSWER_PERIOD = 'P30D'

/** The period the person's privacy profile gives recipients to confirm a deletion. */
export function answerPeriodOf(db: AppDatabase): string {
  const rule = currentProfile(db).rules.find((candidate) => candidate.kind === 'answerDeletionWithin')
  return rule?.kind === 'answerDeletionWithin' ? rule.duration : DEFAULT_ANSWER_PERIOD
}

/**
 * Where a deletion request stands: due by the request plus the period; acknowledged by the first
 * `deleted` notice after it (signed when the recipient signed it); overdue when none came by then.
 */
export function deletionStatus(
  requestedAt: string | null,
  notices: DisclosureNotice[],
  period: string,
  now: Date,
): Disclosure['deletion'] {
  if (!requestedAt) return undefined
  const dueBy = new Date(Date.parse(requestedAt) + (durationDays(period) ?? 30) * 86_400_000).toISOString()
  const ack = notices.find((notice) => notice.kind === 'deleted' && notice.receivedAt >= requestedAt)
  return {
    requestedAt,
    dueBy,
    acknowledgedAt: ack?.receivedAt,
    signed: ack?.signed === true,
    overdue: !ack && now.toISOString() > dueBy,
  }
}
