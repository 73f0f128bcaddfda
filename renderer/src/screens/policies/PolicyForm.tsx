import { useState, type FormEvent } from 'react'

import { policyInputSchema } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'
import { emptyDraft, policyFromDraft, type PolicyDraft } from './policyDraft'
import { TryIt } from './TryIt'

/** A policy from scratch: who, what, why, how often, and what to do; tried before it is saved, if wished. */
export function PolicyForm({ onSaved }: { onSaved(): void }) {
  const connections = useLoad(() => apiClient()['connections.list'](undefined), ['connections'])
  const purposes = useLoad(() => apiClient()['consent.purposes'](undefined), [])
  const [draft, setDraft] = useState<PolicyDraft>(emptyDraft)
  const [problem, setProblem] = useState<string>()
  const [saved, setSaved] = useState<string>()
  const action = useAction()
  const set = (key: keyof PolicyDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const checked = policyInputSchema.safeParse(policyFromDraft(draft))

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaved(undefined)
    if (!checked.success) return setProblem(checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0])
    setProblem(undefined)
    const policy = await action.run(() => apiClient()['consent.createPolicy'](checked.data))
    if (!policy) return
    setSaved(`Policy “${policy.name}” saved.`)
    setDraft(emptyDraft)
    onSaved()
  }

  return (
    <section aria-labelledby="new-policy" className="card">
      <h2 id="new-policy">New policy</h2>
      <form onSubmit={submit} aria-busy={action.busy}>
        <Field label="Name" required value={draft.name} onChange={set('name')} />
        <div className="field">
          <label htmlFor="policy-who">Who</label>
          <select id="policy-who" value={draft.whoKind} onChange={(e) => set('whoKind')(e.target.value)}>
            <option value="connection">One connection</option>
            <option value="role">Any requester a trust list gives a role</option>
          </select>
        </div>
        {draft.whoKind === 'connection' ? (
          <div className="field">
            <label htmlFor="policy-connection">Connection</label>
            <select
              id="policy-connection"
              value={draft.connectionId}
              onChange={(e) => set('connectionId')(e.target.value)}
            >
              <option value="">Choose…</option>
              {connections.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.theirLabel ?? c.id}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <Field label="Role" value={draft.role} onChange={set('role')} hint="As the trust list names it." />
        )}
        <Field
          label="Credential type"
          required
          value={draft.type}
          onChange={set('type')}
          placeholder="IncomeCredential"
        />
        <Field
          label="Claims at most"
          required
          value={draft.claims}
          onChange={set('claims')}
          hint="Separated by commas."
        />
        <div className="field">
          <label htmlFor="policy-purpose">Purpose</label>
          <select id="policy-purpose" value={draft.purpose} onChange={(e) => set('purpose')(e.target.value)}>
            <option value="">Choose…</option>
            {purposes.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="At most this many answers"
          inputMode="numeric"
          value={draft.maxAnswers}
          onChange={set('maxAnswers')}
          hint={`Per ${draft.period}; empty for no limit.`}
        />
        <Field
          label="Longest retention allowed"
          value={draft.maxRetention}
          onChange={set('maxRetention')}
          hint="An ISO 8601 duration such as P7Y; empty for any."
        />
        <div className="field">
          <label htmlFor="policy-action">Then</label>
          <select id="policy-action" value={draft.action} onChange={(e) => set('action')(e.target.value)}>
            <option value="share">Share at once</option>
            <option value="ask">Ask me</option>
            <option value="refuse">Refuse</option>
          </select>
        </div>
        <button type="submit" disabled={action.busy}>
          Save policy
        </button>
        <Progress busy={action.busy}>Saving…</Progress>
        <ErrorNote error={problem ?? action.error} />
        <Done text={saved} />
      </form>
      {checked.success && draft.whoKind === 'connection' && draft.connectionId && (
        <TryIt
          connectionId={draft.connectionId}
          type={draft.type.trim()}
          claims={checked.data.what[0].claims}
          purpose={draft.purpose}
        />
      )}
    </section>
  )
}
