import type { ConsentPolicy } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

const actionText = { share: 'shares at once', ask: 'asks you', refuse: 'refuses' } as const

/** One standing policy in words, with pause, resume and revoke. Revoking cannot be undone. */
export function PolicyRow({ policy, onChanged }: { policy: ConsentPolicy; onChanged(): void }) {
  const action = useAction()
  const who = policy.who.kind === 'role' ? `any requester listed as “${policy.who.role}”` : 'one connection'
  const what = policy.what.map((item) => `${item.type} (${item.claims.join(', ')})`).join('; ')
  const limit = policy.when.maxAnswers ? `, at most ${policy.when.maxAnswers} per ${policy.when.period}` : ''

  async function change(to: 'pausePolicy' | 'resumePolicy' | 'revokePolicy') {
    if (await action.run(() => apiClient()[`consent.${to}`]({ id: policy.id }))) onChanged()
  }

  return (
    <li className="row" aria-label={policy.name}>
      <div className="row-main">
        <strong>
          {policy.name}{' '}
          <span className="hint">
            (version {policy.version}, {policy.status})
          </span>
        </strong>
        <span>
          For {who}: {what}; for {policy.why.join(', ')}
          {limit}. It {actionText[policy.action]}.
        </span>
      </div>
      {policy.status !== 'revoked' && (
        <div className="actions">
          {policy.status === 'active' ? (
            <button type="button" onClick={() => void change('pausePolicy')} disabled={action.busy}>
              Pause
            </button>
          ) : (
            <button type="button" onClick={() => void change('resumePolicy')} disabled={action.busy}>
              Resume
            </button>
          )}
          <button type="button" onClick={() => void change('revokePolicy')} disabled={action.busy}>
            Revoke
          </button>
        </div>
      )}
      <ErrorNote error={action.error} />
    </li>
  )
}
