import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { formatDateTime, formatList, typeLabel } from '../../i18n/format'
import type { ScreenId } from '../../shell/screens'

/** The last few times data left this node: to whom, what kind, who decided, and whether it was revoked. */
export function RecentActivity({ onOpen }: { onOpen(screen: ScreenId): void }) {
  const { t } = useTranslation()
  const disclosures = useLoad(() => apiClient()['disclosures.list'](undefined), ['requests', 'decisions'])
  const recent = [...(disclosures.data ?? [])].sort((a, b) => b.disclosedAt.localeCompare(a.disclosedAt)).slice(0, 5)

  return (
    <section aria-labelledby="home-activity" className="card">
      <h2 id="home-activity">{t('home.activity')}</h2>
      <ErrorNote error={disclosures.error} />
      {disclosures.data?.length === 0 && <p>{t('home.activityNone')}</p>}
      {recent.length > 0 && (
        <ul className="rows" aria-label={t('home.activityList')}>
          {recent.map((disclosure) => {
            const refused = disclosure.notices.some((notice) => notice.kind === 'refused')
            return (
              <li key={disclosure.id} className="row">
                <span>
                  {t('home.received', {
                    recipient: disclosure.recipient,
                    what: formatList(disclosure.credentials.map((credential) => typeLabel(credential.types))),
                    when: formatDateTime(disclosure.disclosedAt),
                    decided: disclosure.decidedBy.kind,
                  })}
                  {refused && ` ${t('home.refusedByRecipient')}`}
                  {disclosure.revokedAt && ` ${t('home.revokedSince')}`}
                </span>
              </li>
            )
          })}
        </ul>
      )}
      <button type="button" onClick={() => onOpen('history')}>
        {t('home.openHistory')}
      </button>
    </section>
  )
}
