import type { TFunction } from 'i18next'

import type { PolicyInput } from '../../../../shared/api'
import {
  claimLabel,
  formatDate,
  formatDuration,
  formatList,
  purposeLabel,
  roleLabel,
  typeLabel,
} from '../../i18n/format'

/** A policy as sentences a person reads: to whom, what at most, why, for how long, and what else happens. */
export function policySentences(t: TFunction, policy: PolicyInput, connectionName?: string): string[] {
  const who =
    policy.who.kind === 'role'
      ? t('policySentence.whoRole', { role: roleLabel(policy.who.role) })
      : t('policySentence.whoConnection', { name: connectionName ?? t('common.aConnection') })
  const what = policy.what.map((item) =>
    t('policySentence.whatItem', { type: typeLabel(item.type), claims: formatList(item.claims.map(claimLabel)) }),
  )
  const sentences = [
    t(`policySentence.action.${policy.action}`, { who }),
    t('policySentence.what', { items: what.join('; ') }),
    t('policySentence.why', { purposes: formatList(policy.why.map(purposeLabel)) }),
  ]
  const { when } = policy
  if (when.maxRetention) sentences.push(t('policySentence.retention', { duration: formatDuration(when.maxRetention) }))
  if (when.maxAnswers && when.period) {
    sentences.push(t('policySentence.frequency', { count: when.maxAnswers, period: formatDuration(when.period) }))
  }
  if (when.validFrom) sentences.push(t('policySentence.from', { date: formatDate(when.validFrom) }))
  if (when.validUntil) sentences.push(t('policySentence.until', { date: formatDate(when.validUntil) }))
  sentences.push(t(`policySentence.beyond.${policy.beyond}`))
  return sentences
}
