import type { ConsentEvaluation } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useState } from 'react'

/**
 * Evaluates a made-up request like the one described against the saved policies: nothing is sent and
 * nothing is counted. Each considered policy says which clause held or failed, and why.
 */
export function TryIt({
  connectionId,
  type,
  claims,
  purpose,
}: {
  connectionId: string
  type: string
  claims: string[]
  purpose: string
}) {
  const [result, setResult] = useState<Omit<ConsentEvaluation, 'requestId'>>()
  const action = useAction()

  async function tryIt() {
    setResult(
      await action.run(() =>
        apiClient()['consent.tryIt']({
          connectionId,
          purposes: purpose ? [purpose] : [],
          items: [{ types: [type], claims }],
        }),
      ),
    )
  }

  return (
    <div className="subform">
      <button type="button" onClick={() => void tryIt()} disabled={action.busy}>
        Try a request like this on the saved policies
      </button>
      <ErrorNote error={action.error} />
      {result && (
        <div role="status" data-testid="try-it">
          <p>
            <strong>Outcome: {result.outcome}</strong>. {result.reason}
          </p>
          {result.considered.map((policy) => (
            <p key={`${policy.policyId}:${policy.version}`} className="hint">
              {policy.name}:{' '}
              {policy.clauses.map((c) => `${c.clause} ${c.ok ? 'holds' : `fails (${c.reason})`}`).join('; ')}
            </p>
          ))}
        </div>
      )}
    </div>
  )
}
