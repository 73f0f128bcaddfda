import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { ConsentPolicy } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'
import { policySentences } from './policySentences'

/** One standing policy in sentences, with pause, resume and revoke. Revoking cannot be undone: it is confirmed. */
export function PolicyRow({ policy, onChanged }: { policy: ConsentPolicy; onChanged(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const [confirming, setConfirming] = useState(false)
  const connections = useLoad(() => apiClient()['connections.list'](undefined), ['connections'])
  const who = policy.who
  const connection = who.kind === 'connection' ? connections.data?.find((c) => c.id === who.connectionId) : undefined

  async function change(to: 'pausePolicy' | 'resumePolicy' | 'revokePolicy') {
    setConfirming(false)
    if (await action.run(() => apiClient()[`consent.${to}`]({ id: policy.id }))) onChanged()
  }

  return (
    <li className="row" aria-label={policy.name}>
      <div className="row-main">
        <strong>
          {policy.name}{' '}
          <span className="hint">
            {t('policies.versionStatus', { version: policy.version, status: policy.status })}
          </span>
        </strong>
        {policySentences(t, policy, connection?.theirLabel).map((sentence) => (
          <span key={sentence}>{sentence}</span>
        ))}
      </div>
      {policy.status !== 'revoked' && (
        <div className="actions">
          {policy.status === 'active' ? (
            <button type="button" onClick={() => void change('pausePolicy')} disabled={action.busy}>
              {t('policies.pause')}
            </button>
          ) : (
            <button type="button" onClick={() => void change('resumePolicy')} disabled={action.busy}>
              {t('policies.resume')}
            </button>
          )}
          {confirming ? (
            <>
              <button
                type="button"
                className="danger"
                onClick={() => void change('revokePolicy')}
                disabled={action.busy}
              >
                {t('policies.confirmRevoke')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('common.keep')}
              </button>
            </>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={action.busy}>
              {t('policies.revoke')}
            </button>
          )}
        </div>
      )}
      <ErrorNote error={action.error} />
    </li>
  )
}
