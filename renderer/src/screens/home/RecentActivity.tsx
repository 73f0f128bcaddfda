import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import type { ScreenId } from '../../shell/screens'
import { kindOf } from '../myData/claimsText'

/** The last few times data left this node: to whom, what kind, who decided, and whether it was revoked. */
export function RecentActivity({ onOpen }: { onOpen(screen: ScreenId): void }) {
  const disclosures = useLoad(() => apiClient()['disclosures.list'](undefined), ['requests', 'decisions'])
  const recent = [...(disclosures.data ?? [])].sort((a, b) => b.disclosedAt.localeCompare(a.disclosedAt)).slice(0, 5)

  return (
    <section aria-labelledby="home-activity" className="card">
      <h2 id="home-activity">Recent activity</h2>
      <ErrorNote error={disclosures.error} />
      {disclosures.data?.length === 0 && (
        <p>Nothing yet. When requesters ask for your data and you share it, each share is listed here.</p>
      )}
      {recent.length > 0 && (
        <ul className="rows" aria-label="Recent shares">
          {recent.map((disclosure) => (
            <li key={disclosure.id} className="row">
              <span>
                <strong>{disclosure.recipient}</strong> received{' '}
                {disclosure.credentials.map((credential) => kindOf(credential.types)).join(', ')} on{' '}
                {new Date(disclosure.disclosedAt).toLocaleString()};{' '}
                {disclosure.decidedBy.kind === 'person' ? 'you decided' : 'a policy decided'}
                {disclosure.revokedAt ? '; revoked since' : ''}.
              </span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onOpen('history')}>
        Open history
      </button>
    </section>
  )
}
