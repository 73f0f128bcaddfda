import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { claimLabel, formatList } from '../../i18n/format'

/**
 * What the person should know before answering: identifying data, asking too much, a derived claim that
 * would do. Said from the catalogue by kind; that the requester is not on a trust list is the card's first line.
 */
export function Warnings({ requestId }: { requestId: string }) {
  const { t } = useTranslation()
  const warnings = useLoad(() => apiClient()['consent.requestWarnings']({ requestId }), ['requests'])
  if (warnings.error) return <ErrorNote error={warnings.error} />
  const shown = warnings.data?.filter((warning) => warning.kind !== 'untrusted-requester') ?? []
  if (!shown.length) return null
  return (
    <ul className="warnings" aria-label={t('warnings.label')}>
      {shown.map((warning) => (
        <li key={`${warning.kind}:${warning.claims.join(',')}`} className="note note-warning">
          {t(`warnings.${warning.kind}`, { claims: formatList(warning.claims.map(claimLabel)) })}
        </li>
      ))}
    </ul>
  )
}
