import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { ConsentEvaluation } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/**
 * Evaluates a made-up request like the one described against the saved policies: nothing is sent and
 * nothing is counted. Each considered policy says which of its parts held or failed; the node's own
 * explanation (in its vocabulary) is folded under details.
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
  const { t } = useTranslation()
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
        {t('tryIt.button')}
      </button>
      <ErrorNote error={action.error} />
      {result && (
        <div role="status" data-testid="try-it">
          <p>
            <strong>{t(`tryIt.outcome.${result.outcome}`)}</strong>
          </p>
          {result.considered.map((policy) => (
            <p key={`${policy.policyId}:${policy.version}`} className="hint">
              {policy.name}:{' '}
              {policy.clauses
                .map((c) => t(c.ok ? 'tryIt.holds' : 'tryIt.fails', { clause: t(`tryIt.clause.${c.clause}`) }))
                .join('; ')}
            </p>
          ))}
          <details className="details">
            <summary>{t('common.details')}</summary>
            <p className="hint">{result.reason}</p>
            {result.considered.map((policy) => (
              <p key={`${policy.policyId}:${policy.version}:why`} className="hint">
                {policy.clauses
                  .filter((c) => !c.ok)
                  .map((c) => `${c.clause}: ${c.reason}`)
                  .join('; ')}
              </p>
            ))}
          </details>
        </div>
      )}
    </div>
  )
}
