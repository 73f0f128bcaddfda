import { useTranslation } from 'react-i18next'

import type { Mandate } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { claimLabel, formatDate, formatDuration, formatList, purposeLabel, typeLabel } from '../../i18n/format'

/** One mandate in words: who may approve what for whom, until when; revocable at once from either side. */
export function MandateItem({ mandate, onRevoked }: { mandate: Mandate; onRevoked(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const { scope } = mandate
  const other = mandate.otherLabel ?? t('household.unnamed')
  const words = {
    name: mandate.name,
    other,
    requester: mandate.requesterLabel ?? t('mandates.anyInRole'),
    purposes: formatList(scope.why.map(purposeLabel)),
    data: formatList(scope.what.map((w) => `${typeLabel(w.type)} (${formatList(w.claims.map(claimLabel))})`)),
  }
  const status =
    mandate.status === 'revoked'
      ? t(mandate.revokedBy === mandate.role ? 'mandates.revokedByYou' : 'mandates.revokedByOther', {
          other,
          at: formatDate(mandate.revokedAt),
        })
      : mandate.expired
        ? t('mandates.expired')
        : scope.when.validUntil
          ? t('mandates.activeUntil', { until: formatDate(scope.when.validUntil) })
          : t('mandates.active')

  async function revoke() {
    if (await action.run(() => apiClient()['mandates.revoke']({ id: mandate.id }))) onRevoked()
  }

  return (
    <li data-testid="mandate">
      <strong>{mandate.name}</strong>
      <p>{t(mandate.role === 'grantor' ? 'mandates.given' : 'mandates.held', words)}</p>
      {scope.when.maxAnswers !== undefined && (
        <p>{t('mandates.howOften', { count: scope.when.maxAnswers, period: formatDuration(scope.when.period) })}</p>
      )}
      <p>{status}</p>
      {mandate.status === 'active' && (
        <button
          type="button"
          className="danger"
          onClick={() => void revoke()}
          disabled={action.busy}
          aria-label={t('mandates.revokeName', { name: mandate.name })}
        >
          {t('mandates.revoke')}
        </button>
      )}
      <ErrorNote error={action.error} />
    </li>
  )
}
