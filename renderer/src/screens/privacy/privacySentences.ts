import type { TFunction } from 'i18next'

import type { AskedItem, Position, PrivacyRuleInput, ProfileConflict } from '../../../../shared/api'
import { formatDuration, formatList, purposeLabel, typeLabel } from '../../i18n/format'

/** A limit of the profile as the person reads it: "Keep financial data at most 2 years". */
export function ruleSentence(t: TFunction, rule: PrivacyRuleInput): string {
  switch (rule.kind) {
    case 'neverPurpose':
      return t('privacy.rule.neverPurpose', { purpose: purposeLabel(rule.purpose) })
    case 'maxRetention':
      return t('privacy.rule.maxRetention', {
        category: t(`privacy.category.${rule.category}`),
        duration: formatDuration(rule.duration),
      })
    case 'answerDeletionWithin':
      return t('privacy.rule.answerDeletionWithin', { duration: formatDuration(rule.duration) })
    default:
      return t(`privacy.rule.${rule.kind}`)
  }
}

/** What a request states that goes beyond a limit, naming the item by what it is ("Income"). */
export function conflictSentence(t: TFunction, conflict: ProfileConflict, item?: AskedItem): string {
  return t(`privacy.conflict.${conflict.kind}`, {
    purpose: conflict.purpose ? purposeLabel(conflict.purpose) : '',
    item: item ? itemName(item) : '',
    category: conflict.category ? t(`privacy.category.${conflict.category}`) : '',
    stated: formatDuration(conflict.stated),
    max: formatDuration(conflict.max),
    recipients: formatList(conflict.recipients ?? []),
  })
}

/** The counter-offer in one sentence: "The same request without Bank statement, kept at most 2 years." */
export function counterSentence(
  t: TFunction,
  position: Position,
  asked: readonly AskedItem[],
  of: 'request' | 'offer' = 'request',
): string {
  if (!position.reachable) return t('privacy.counter.unreachable')
  const offer = position.counterOffer
  const byId = new Map(asked.map((item) => [item.descriptorId, item]))
  const declined = [...new Set(offer.decline.map((id) => (byId.get(id) ? itemName(byId.get(id)!) : id)))]
  const parts = [
    declined.length ? t('privacy.counter.decline', { items: formatList(declined) }) : '',
    offer.retention ? t('privacy.counter.retention', { duration: formatDuration(offer.retention) }) : '',
    offer.refusePurposes.length
      ? t('privacy.counter.refusePurposes', { purposes: formatList(offer.refusePurposes.map(purposeLabel)) })
      : '',
    offer.noThirdParties ? t('privacy.counter.noThirdParties') : '',
    offer.noProfiling ? t('privacy.counter.noProfiling') : '',
  ].filter(Boolean)
  return t(of === 'offer' ? 'privacy.counter.lineOffer' : 'privacy.counter.line', { parts: parts.join(', ') })
}

function itemName(item: AskedItem): string {
  return item.types.length ? typeLabel(item.types) : (item.name ?? item.descriptorId)
}
