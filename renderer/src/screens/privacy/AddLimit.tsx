import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { dataCategories, type DataCategory, type PrivacyRuleInput } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { useLoad } from '../../hooks/useLoad'
import { purposeLabel } from '../../i18n/format'

type Kind = PrivacyRuleInput['kind']
const kinds: Kind[] = ['neverPurpose', 'maxRetention', 'noThirdParties', 'noProfiling', 'answerDeletionWithin']

/** A form for one more limit; the new profile is the old one with it added. */
export function AddLimit({ busy, onAdd }: { busy: boolean; onAdd(rule: PrivacyRuleInput): Promise<void> }) {
  const { t } = useTranslation()
  const purposes = useLoad(() => apiClient()['consent.purposes'](undefined), [])
  const [kind, setKind] = useState<Kind>('neverPurpose')
  const [purpose, setPurpose] = useState('')
  const [category, setCategory] = useState<DataCategory>('financial')
  const [amount, setAmount] = useState('2')
  const [unit, setUnit] = useState<'Y' | 'M' | 'D'>('Y')
  const [problem, setProblem] = useState<string>()

  async function submit(event: FormEvent) {
    event.preventDefault()
    let rule: PrivacyRuleInput
    if (kind === 'neverPurpose') {
      if (!purpose) return setProblem(t('privacy.needPurpose'))
      rule = { kind, purpose }
    } else if (kind === 'maxRetention' || kind === 'answerDeletionWithin') {
      if (!/^\d{1,4}$/.test(amount) || Number(amount) < 1) return setProblem(t('privacy.needAmount'))
      const duration = `P${Number(amount)}${unit}`
      rule = kind === 'maxRetention' ? { kind, category, duration } : { kind, duration }
    } else {
      rule = { kind }
    }
    setProblem(undefined)
    await onAdd(rule)
  }

  const select = (id: string, label: string, value: string, set: (v: string) => void, options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`privacy-${id}`}>{label}</label>
      <select id={`privacy-${id}`} value={value} onChange={(e) => set(e.target.value)}>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('privacy.addTitle')} noValidate>
      <h3>{t('privacy.addTitle')}</h3>
      {select(
        'kind',
        t('privacy.kind'),
        kind,
        (v) => setKind(v as Kind),
        kinds.map((k) => [k, t(`privacy.kinds.${k}`)]),
      )}
      {kind === 'neverPurpose' &&
        select('purpose', t('privacy.purpose'), purpose, setPurpose, [
          ['', t('policyForm.choose')],
          ...(purposes.data ?? []).map((p): [string, string] => [p.id, purposeLabel(p.id)]),
        ])}
      {(kind === 'maxRetention' || kind === 'answerDeletionWithin') && (
        <div className="inline-fields">
          {kind === 'maxRetention' &&
            select(
              'category',
              t('privacy.categoryLabel'),
              category,
              (v) => setCategory(v as DataCategory),
              dataCategories.map((c) => [c, t(`privacy.category.${c}`)]),
            )}
          <Field label={t('privacy.amount')} inputMode="numeric" value={amount} onChange={setAmount} />
          {select('unit', t('privacy.unit'), unit, (v) => setUnit(v as 'Y' | 'M' | 'D'), [
            ['Y', t('policyForm.unit.Y')],
            ['M', t('policyForm.unit.M')],
            ['D', t('policyForm.unit.D')],
          ])}
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('privacy.add')}
      </button>
    </form>
  )
}
