import { useTranslation } from 'react-i18next'

import type { Mandate, MandateAsk } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { claimLabel, formatDateTime, formatList, typeLabel } from '../../i18n/format'

/**
 * A request put to a delegate under a mandate: what is asked (kinds of data and statements, never their
 * values), by whom and why; the delegate approves or declines, and both sides see how it ended.
 */
export function AskItem({ ask, mandate, onDecided }: { ask: MandateAsk; mandate?: Mandate; onDecided(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const other = mandate?.otherLabel ?? t('household.unnamed')
  const data = formatList(ask.items.map((i) => `${typeLabel(i.types)} (${formatList(i.claims.map(claimLabel))})`))
  const words = { requester: ask.requester, other, data, purpose: ask.purpose ?? t('mandates.noPurpose') }

  async function decide(approve: boolean) {
    if (await action.run(() => apiClient()['mandates.decide']({ askId: ask.id, approve }))) onDecided()
  }

  return (
    <li data-testid="mandate-ask">
      <p>{t(ask.role === 'delegate' ? 'mandates.askToYou' : 'mandates.askToOther', words)}</p>
      <p className="hint">{formatDateTime(ask.askedAt)}</p>
      {ask.role === 'delegate' && ask.state === 'waiting' ? (
        <div className="actions">
          <button type="button" onClick={() => void decide(true)} disabled={action.busy}>
            {t('mandates.approve', { other })}
          </button>
          <button type="button" className="secondary" onClick={() => void decide(false)} disabled={action.busy}>
            {t('mandates.decline')}
          </button>
        </div>
      ) : (
        <p data-testid="mandate-ask-state">{t(`mandates.state.${ask.state}`, { other })}</p>
      )}
      {ask.note && ask.state === 'refused' && (
        <details>
          <summary>{t('mandates.why')}</summary>
          <p>{ask.note}</p>
        </details>
      )}
      <ErrorNote error={action.error} />
    </li>
  )
}
