import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { mandateScopeSchema } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'
import { claimLabel, purposeLabel, typeLabel } from '../../i18n/format'
import { knownClaims, knownTypes } from '../policies/vocabulary'

const empty = { name: '', delegate: '', requester: '', type: '', purpose: '', until: '', maxAnswers: '' }
type Draft = typeof empty

/** Gives a member a mandate: the same clauses as a consent policy (who asks, what, why, until when, how often). */
export function GiveMandate({ onGiven }: { onGiven(): void }) {
  const { t } = useTranslation()
  const connections = useLoad(() => apiClient()['connections.list'](undefined), ['connections'])
  const purposes = useLoad(() => apiClient()['consent.purposes'](undefined), [])
  const action = useAction()
  const [draft, setDraft] = useState<Draft>(empty)
  const [given, setGiven] = useState<string>()
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const members = (connections.data ?? []).filter((c) => c.role === 'household-member')
  const others = (connections.data ?? []).filter((c) => c.role !== 'household-member')
  if (members.length === 0) return null
  const scope = mandateScopeSchema.safeParse({
    who: { kind: 'connection', connectionId: draft.requester },
    what: [{ type: draft.type, claims: knownClaims[draft.type] ?? [] }],
    why: [draft.purpose],
    when: {
      ...(draft.until ? { validUntil: new Date(`${draft.until}T23:59:59`).toISOString() } : {}),
      ...(draft.maxAnswers ? { maxAnswers: Number(draft.maxAnswers), period: 'P30D' } : {}),
    },
  })
  const ready = scope.success && draft.name.trim() && draft.delegate

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!ready || !scope.success) return
    const mandate = await action.run(() =>
      apiClient()['mandates.give']({
        delegateConnectionId: draft.delegate,
        name: draft.name.trim(),
        scope: scope.data,
      }),
    )
    if (!mandate) return
    setGiven(t('mandates.givenDone', { name: mandate.name, other: mandate.otherLabel ?? t('household.unnamed') }))
    setDraft(empty)
    onGiven()
  }

  const select = (key: keyof Draft, label: string, options: Array<[string, string]>) => (
    <div className="field">
      <label htmlFor={`mandate-${key}`}>{label}</label>
      <select id={`mandate-${key}`} value={draft[key]} onChange={(e) => set(key)(e.target.value)}>
        <option value="">{t('policyForm.choose')}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <section aria-labelledby="give-mandate-heading" className="card">
      <h2 id="give-mandate-heading">{t('mandates.give')}</h2>
      <p>{t('mandates.giveHint')}</p>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <Field label={t('mandates.name')} value={draft.name} onChange={set('name')} />
        {select(
          'delegate',
          t('mandates.delegate'),
          members.map((c) => [c.id, c.theirLabel ?? t('household.unnamed')]),
        )}
        {select(
          'requester',
          t('mandates.requester'),
          others.map((c) => [c.id, c.theirLabel ?? t('connections.unnamed')]),
        )}
        {select(
          'type',
          t('mandates.data'),
          knownTypes.map((type) => [type, typeLabel(type)]),
        )}
        {draft.type && (
          <p className="hint">
            {t('mandates.claims', { claims: (knownClaims[draft.type] ?? []).map(claimLabel).join(', ') })}
          </p>
        )}
        {select(
          'purpose',
          t('mandates.purpose'),
          (purposes.data ?? []).map((p) => [p.id, purposeLabel(p.id)]),
        )}
        <Field label={t('mandates.until')} type="date" value={draft.until} onChange={set('until')} />
        <Field
          label={t('mandates.maxAnswers')}
          inputMode="numeric"
          value={draft.maxAnswers}
          onChange={set('maxAnswers')}
          hint={t('mandates.maxAnswersHint')}
        />
        <button type="submit" disabled={action.busy || !ready}>
          {t('mandates.giveButton')}
        </button>
        <ErrorNote error={action.error} />
        <Done text={given} />
      </form>
    </section>
  )
}
