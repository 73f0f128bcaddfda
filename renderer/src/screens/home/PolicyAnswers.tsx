import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { formatDateTime } from '../../i18n/format'
import type { ScreenId } from '../../shell/screens'

/** The requests standing policies answered without asking, newest first: the person sees what ran for them. */
export function PolicyAnswers({ onOpen }: { onOpen(screen: ScreenId): void }) {
  const { t } = useTranslation()
  const decisions = useLoad(() => apiClient()['consent.decisions']({ limit: 5 }), ['decisions', 'requests'])

  return (
    <section aria-labelledby="home-policies" className="card">
      <h2 id="home-policies">{t('home.policyAnswers')}</h2>
      <ErrorNote error={decisions.error} />
      {decisions.data?.length === 0 && <p>{t('home.policyAnswersNone')}</p>}
      {decisions.data && decisions.data.length > 0 && (
        <ul className="rows" aria-label={t('home.policyAnswersList')}>
          {decisions.data.map((decision) => (
            <li key={decision.requestId} className="row">
              <span>
                {t(
                  decision.beyondAgreement
                    ? 'home.agreementRefused'
                    : decision.outcome === 'shared'
                      ? 'home.policyShared'
                      : 'home.policyRefused',
                  {
                    requester: decision.requester ?? t('common.aConnection'),
                    policy: decision.policyName ?? t('common.aPolicy'),
                    version: decision.policyVersion,
                    when: formatDateTime(decision.decidedAt),
                  },
                )}
                {decision.outcome === 'shared' && decision.answer?.outcome === 'refused' && (
                  <> {t('home.refusedByRecipient')}</>
                )}
                {decision.outcome === 'shared' && decision.answer?.outcome === 'unconfirmed' && (
                  <> {t('home.notConfirmed')}</>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onOpen('policies')}>
        {t('home.openPolicies')}
      </button>
    </section>
  )
}
