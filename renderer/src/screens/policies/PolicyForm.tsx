import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { policyInputSchema } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'
import { claimLabel, purposeLabel, roleLabel, typeLabel } from '../../i18n/format'
import { emptyDraft, policyFromDraft, type DurationUnit, type PolicyDraft } from './policyDraft'
import { knownClaims, knownTypes } from './vocabulary'
import { TryIt } from './TryIt'

/** A policy from scratch: who, what, why, how often, and what to do; tried before it is saved, if wished. */
export function PolicyForm({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation()
  const connections = useLoad(() => apiClient()['connections.list'](undefined), ['connections'])
  const purposes = useLoad(() => apiClient()['consent.purposes'](undefined), [])
  const lists = useLoad(() => apiClient()['trustLists.list'](undefined), [])
  const [draft, setDraft] = useState<PolicyDraft>(emptyDraft)
  const [problems, setProblems] = useState<Partial<Record<keyof PolicyDraft, string>>>({})
  const [saved, setSaved] = useState<string>()
  const action = useAction()
  const set = (key: keyof PolicyDraft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }))
  const checked = policyInputSchema.safeParse(policyFromDraft(draft))
  const roles = [...new Set(lists.data?.flatMap((list) => list.entries.flatMap((entry) => entry.roles)) ?? [])]

  function toggleClaim(claim: string) {
    setDraft((d) => ({
      ...d,
      claims: d.claims.includes(claim) ? d.claims.filter((c) => c !== claim) : [...d.claims, claim],
    }))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaved(undefined)
    // Each missing choice is said beside its own field, in the person's language.
    const found: Partial<Record<keyof PolicyDraft, string>> = {}
    if (!draft.name.trim()) found.name = t('policyForm.needName')
    if (draft.whoKind === 'connection' && !draft.connectionId) found.connectionId = t('policyForm.needConnection')
    if (draft.whoKind === 'role' && !draft.role) found.role = t('policyForm.needRole')
    if (!draft.type) found.type = t('policyForm.needType')
    if (draft.claims.length === 0) found.claims = t('policyForm.needClaims')
    if (!draft.purpose) found.purpose = t('policyForm.needPurpose')
    if (draft.maxAnswers && !(Number(draft.maxAnswers) >= 1)) found.maxAnswers = t('policyForm.needNumber')
    setProblems(found)
    if (Object.keys(found).length > 0 || !checked.success) return
    const policy = await action.run(() => apiClient()['consent.createPolicy'](checked.data))
    if (!policy) return
    setSaved(t('policyForm.saved', { name: policy.name }))
    setDraft(emptyDraft)
    onSaved()
  }

  const select = (id: keyof PolicyDraft, label: string, options: Array<[string, string]>, choose = true) => (
    <div className="field">
      <label htmlFor={`policy-${id}`}>{label}</label>
      <select
        id={`policy-${id}`}
        value={draft[id] as string}
        aria-invalid={problems[id] ? true : undefined}
        aria-describedby={problems[id] ? `policy-${id}-error` : undefined}
        onChange={(e) => set(id)(e.target.value)}
      >
        {choose && <option value="">{t('policyForm.choose')}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {problems[id] && (
        <p id={`policy-${id}-error`} className="field-error" role="alert">
          {problems[id]}
        </p>
      )}
    </div>
  )
  const units = (['D', 'M', 'Y'] as DurationUnit[]).map((unit): [string, string] => [
    unit,
    t(`policyForm.unit.${unit}`),
  ])

  return (
    <section aria-labelledby="new-policy" className="card">
      <h2 id="new-policy">{t('policyForm.title')}</h2>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <Field label={t('policyForm.name')} required value={draft.name} onChange={set('name')} error={problems.name} />
        {select(
          'whoKind',
          t('policyForm.who'),
          [
            ['connection', t('policyForm.oneConnection')],
            ['role', t('policyForm.anyInRole')],
          ],
          false,
        )}
        {draft.whoKind === 'connection'
          ? select(
              'connectionId',
              t('policyForm.connection'),
              (connections.data ?? []).map((c) => [c.id, c.theirLabel ?? t('connections.unnamed')]),
            )
          : select(
              'role',
              t('policyForm.role'),
              roles.map((role) => [role, roleLabel(role)]),
            )}
        {select(
          'type',
          t('policyForm.type'),
          knownTypes.map((type) => [type, typeLabel(type)]),
        )}
        <fieldset className="field" aria-describedby={problems.claims ? 'policy-claims-error' : undefined}>
          <legend>{t('policyForm.claims')}</legend>
          {(knownClaims[draft.type] ?? []).map((claim) => (
            <label key={claim} className="check-inline">
              <input type="checkbox" checked={draft.claims.includes(claim)} onChange={() => toggleClaim(claim)} />{' '}
              {claimLabel(claim)}
            </label>
          ))}
          {!draft.type && <p className="hint">{t('policyForm.typeFirst')}</p>}
          {problems.claims && (
            <p id="policy-claims-error" className="field-error" role="alert">
              {problems.claims}
            </p>
          )}
        </fieldset>
        {select(
          'purpose',
          t('policyForm.purpose'),
          (purposes.data ?? []).map((p) => [p.id, purposeLabel(p.id)]),
        )}
        <div className="inline-fields">
          <Field
            label={t('policyForm.maxAnswers')}
            inputMode="numeric"
            value={draft.maxAnswers}
            onChange={set('maxAnswers')}
            hint={t('policyForm.maxAnswersHint')}
            error={problems.maxAnswers}
          />
          <Field
            label={t('policyForm.periodAmount')}
            inputMode="numeric"
            value={draft.periodAmount}
            onChange={set('periodAmount')}
          />
          {select('periodUnit', t('policyForm.periodUnit'), units, false)}
        </div>
        <div className="inline-fields">
          <Field
            label={t('policyForm.retention')}
            inputMode="numeric"
            value={draft.retentionAmount}
            onChange={set('retentionAmount')}
            hint={t('policyForm.retentionHint')}
          />
          {select('retentionUnit', t('policyForm.retentionUnit'), units, false)}
        </div>
        {select(
          'action',
          t('policyForm.then'),
          [
            ['share', t('policyForm.share')],
            ['ask', t('policyForm.ask')],
            ['refuse', t('policyForm.refuse')],
          ],
          false,
        )}
        <button type="submit" disabled={action.busy}>
          {t('policyForm.save')}
        </button>
        <Progress busy={action.busy}>{t('common.saving')}</Progress>
        <ErrorNote error={action.error} />
        <Done text={saved} />
      </form>
      {checked.success && draft.whoKind === 'connection' && draft.connectionId && (
        <TryIt
          connectionId={draft.connectionId}
          type={draft.type}
          claims={checked.data.what[0].claims}
          purpose={draft.purpose}
        />
      )}
    </section>
  )
}
