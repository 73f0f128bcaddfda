import type { Disclosure } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { kindOf } from '../myData/claimsText'

/** One disclosure: what left, to whom, why, decided by whom; revoking asks the recipient to delete it. */
export function DisclosureRow({ disclosure, onChanged }: { disclosure: Disclosure; onChanged(): void }) {
  const action = useAction()
  const when = new Date(disclosure.disclosedAt).toLocaleString()
  const decided =
    disclosure.decidedBy.kind === 'person' ? 'you decided' : `policy (version ${disclosure.decidedBy.version}) decided`

  async function revoke() {
    if (await action.run(() => apiClient()['disclosures.revoke']({ id: disclosure.id }))) onChanged()
  }

  return (
    <li className="row" aria-label={`Shared with ${disclosure.recipient} on ${when}`}>
      <div className="row-main">
        <strong>
          {disclosure.recipient}, {when}
        </strong>
        <span>
          {disclosure.credentials.map((c) => `${kindOf(c.types)} (${c.claims.join(', ')})`).join('; ')} for “
          {disclosure.purpose ?? 'no stated purpose'}”, kept {disclosure.retention ?? 'for an unstated time'}; {decided}
          .
        </span>
        {disclosure.revokedAt && (
          <span className="hint">Revoked {new Date(disclosure.revokedAt).toLocaleString()}; deletion asked.</span>
        )}
        {disclosure.notices.map((notice) => (
          <span key={notice.id} className="hint">
            {disclosure.recipient} says it {notice.kind} the data ({new Date(notice.receivedAt).toLocaleString()})
            {notice.note ? `: ${notice.note.replace(/[.!?]$/, '')}` : ''}.
          </span>
        ))}
      </div>
      {!disclosure.revokedAt && (
        <div className="actions">
          <button type="button" onClick={() => void revoke()} disabled={action.busy}>
            Revoke
          </button>
        </div>
      )}
      <ErrorNote error={action.error} />
    </li>
  )
}
