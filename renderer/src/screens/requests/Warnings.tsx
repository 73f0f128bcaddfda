import { useTranslation } from 'react-i18next'

import type { RequestWarning } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { claimLabel, formatList } from '../../i18n/format'

/** The warnings of a waiting DIDComm request, asked of the node and asked again when requests change. */
export function Warnings({ requestId }: { requestId: string }) {
  const warnings = useLoad(() => apiClient()['consent.requestWarnings']({ requestId }), ['requests'])
  if (warnings.error) return <ErrorNote error={warnings.error} />
  return <WarningList warnings={warnings.data ?? []} />
}

/**
 * What the person should know before answering: identifying data, asking too much, a derived claim that
 * would do. Said from the catalogue by kind; that the requester is not on a trust list is the card's first line.
 */
export function WarningList({ warnings }: { warnings: readonly RequestWarning[] }) {
  const { t } = useTranslation()
  const shown = warnings.filter((warning) => warning.kind !== 'untrusted-requester')
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
