import type { ProofRequestSummary } from '../../../../shared/api'

/** What the requester states: why, for how long, on what legal basis, and the items it asks for. */
export function RequestTerms({ request }: { request: ProofRequestSummary }) {
  return (
    <dl className="claims">
      <div>
        <dt>Purpose</dt>
        <dd>{request.purpose ?? 'not stated'}</dd>
      </div>
      <div>
        <dt>Kept for</dt>
        <dd>{request.retention ?? 'not stated'}</dd>
      </div>
      <div>
        <dt>Legal basis</dt>
        <dd>{request.legalBasis ?? 'not stated'}</dd>
      </div>
      <div>
        <dt>Asks for</dt>
        <dd>
          {request.asked.map((item) => `${item.name ?? item.descriptorId} (${item.claims.join(', ')})`).join('; ')}
        </dd>
      </div>
    </dl>
  )
}
