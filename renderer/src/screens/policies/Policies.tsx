import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { PrivacyTerms } from '../privacy/PrivacyTerms'
import { PolicyForm } from './PolicyForm'
import { PolicyRow } from './PolicyRow'

/**
 * The person's limits on any use of their data (the privacy profile), then their standing rules: who may
 * get what, why and how often, without asking each time.
 */
export function Policies() {
  const { t } = useTranslation()
  const policies = useLoad(() => apiClient()['consent.listPolicies'](undefined), ['requests'])
  return (
    <>
      <PrivacyTerms />
      <section aria-labelledby="policies-heading" className="card">
        <h2 id="policies-heading">{t('policies.title')}</h2>
        <p>{t('policies.intro')}</p>
        <ErrorNote error={policies.error} />
        {policies.data?.length === 0 && <p>{t('policies.none')}</p>}
        {policies.data && policies.data.length > 0 && (
          <ul className="rows" aria-label={t('policies.list')}>
            {policies.data.map((policy) => (
              <PolicyRow key={policy.id} policy={policy} onChanged={policies.reload} />
            ))}
          </ul>
        )}
      </section>
      <PolicyForm onSaved={policies.reload} />
    </>
  )
}
