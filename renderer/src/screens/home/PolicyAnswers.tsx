import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import type { ScreenId } from '../../shell/screens'

/** The requests standing policies answered without asking, newest first: the person sees what ran for them. */
export function PolicyAnswers({ onOpen }: { onOpen(screen: ScreenId): void }) {
  const decisions = useLoad(() => apiClient()['consent.decisions']({ limit: 5 }), ['decisions', 'requests'])

  return (
    <section aria-labelledby="home-policies" className="card">
      <h2 id="home-policies">What your policies answered</h2>
      <ErrorNote error={decisions.error} />
      {decisions.data?.length === 0 && <p>None yet. When a policy answers a request for you, it shows here.</p>}
      {decisions.data && decisions.data.length > 0 && (
        <ul className="rows" aria-label="Answered by policies">
          {decisions.data.map((decision) => (
            <li key={decision.requestId} className="row">
              <span>
                <strong>{decision.requester ?? 'A connection'}</strong> asked
                {decision.purpose ? ` for “${decision.purpose}”` : ''}:{' '}
                {decision.outcome === 'shared' ? 'shared' : 'refused'} by “{decision.policyName ?? 'a policy'}” (version{' '}
                {decision.policyVersion}), {new Date(decision.decidedAt).toLocaleString()}.
              </span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onOpen('policies')}>
        Open policies
      </button>
    </section>
  )
}
