import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { PrivacyRule, PrivacyRuleInput } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'
import { AddLimit } from './AddLimit'
import { ruleSentence } from './privacySentences'

/** The person's privacy profile: limits on any use of their data, in sentences, each removable. */
export function PrivacyTerms() {
  const { t } = useTranslation()
  const profile = useLoad(() => apiClient()['privacyProfile.get'](undefined), [])
  const action = useAction()
  const [saved, setSaved] = useState<string>()
  const rules = profile.data?.rules ?? []

  async function save(next: PrivacyRuleInput[]) {
    setSaved(undefined)
    const done = await action.run(() => apiClient()['privacyProfile.set']({ rules: next }))
    if (!done) return
    setSaved(t('privacy.saved'))
    profile.reload()
  }

  const withoutId = ({ id: _id, ...rule }: PrivacyRule): PrivacyRuleInput => rule

  return (
    <section aria-labelledby="privacy-heading" className="card">
      <h2 id="privacy-heading">{t('privacy.title')}</h2>
      <p>{t('privacy.intro')}</p>
      <ErrorNote error={profile.error} />
      {profile.data && rules.length === 0 && <p>{t('privacy.none')}</p>}
      {rules.length > 0 && (
        <ul className="rows" aria-label={t('privacy.list')}>
          {rules.map((rule) => (
            <li key={rule.id} className="row">
              <span>{ruleSentence(t, rule)}</span>
              <button
                type="button"
                className="secondary"
                aria-label={t('privacy.removeLabel', { rule: ruleSentence(t, rule) })}
                disabled={action.busy}
                onClick={() => void save(rules.filter((other) => other.id !== rule.id).map(withoutId))}
              >
                {t('privacy.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddLimit busy={action.busy} onAdd={(rule) => save([...rules.map(withoutId), rule])} />
      <Progress busy={action.busy}>{t('common.saving')}</Progress>
      <ErrorNote error={action.error} />
      <Done text={saved} />
    </section>
  )
}
