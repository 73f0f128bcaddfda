import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'

/** What the person should know before answering: an unknown requester, identifying data, asking too much. */
export function Warnings({ requestId }: { requestId: string }) {
  const warnings = useLoad(() => apiClient()['consent.requestWarnings']({ requestId }), ['requests'])
  if (warnings.error) return <ErrorNote error={warnings.error} />
  if (!warnings.data?.length) return null
  return (
    <ul className="warnings" aria-label="Warnings">
      {warnings.data.map((warning) => (
        <li key={`${warning.kind}:${warning.claims.join(',')}`} className="note note-warning">
          {warning.message}
        </li>
      ))}
    </ul>
  )
}
