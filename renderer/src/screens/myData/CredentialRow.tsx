import { useEffect, useState } from 'react'

import type { HeldCredential } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { claimText, kindOf, shortDid } from './claimsText'
import { Documents } from './documents/Documents'

/** A held credential with its claims and where it came from; its signature can be checked again. */
export function CredentialRow({ credential }: { credential: HeldCredential }) {
  const [current, setCurrent] = useState(credential)
  // The list reloads as the node updates the record (its provenance tags are written just after it is
  // stored): the row must show the newer record, not the one it first rendered.
  useEffect(() => setCurrent(credential), [credential])
  const action = useAction()
  const { provenance } = current
  const kind = kindOf(current.types)

  async function verify() {
    const checked = await action.run(() => apiClient()['credentials.verify']({ id: current.id }))
    if (checked) setCurrent(checked)
  }

  return (
    <li className="row" aria-label={kind}>
      <div className="row-main">
        <strong>{kind}</strong>
        <dl className="claims">
          {Object.entries(current.claims).map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{claimText(value)}</dd>
            </div>
          ))}
        </dl>
        <p className="hint" data-testid="provenance">
          Signed by <code title={provenance.issuer}>{shortDid(provenance.issuer)}</code> on{' '}
          {new Date(provenance.issuedAt).toLocaleDateString()}
          {provenance.expiresAt && `, valid until ${new Date(provenance.expiresAt).toLocaleDateString()}`}. Signature{' '}
          {provenance.signature.result === 'valid' ? 'valid' : `not valid (${provenance.signature.error ?? 'unknown'})`}
          , checked {new Date(provenance.signature.checkedAt).toLocaleString()}.
          {!provenance.connectionId && ' The connection it came through was removed since.'}
        </p>
        <Documents credentialId={current.id} documents={current.documents ?? []} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => void verify()} disabled={action.busy} aria-label={`Check again: ${kind}`}>
          Check again
        </button>
      </div>
      <Progress busy={action.busy}>Checking the signature…</Progress>
      <ErrorNote error={action.error} />
    </li>
  )
}
