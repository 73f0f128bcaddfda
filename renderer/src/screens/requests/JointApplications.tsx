import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { JointApplicationCard } from './JointApplicationCard'

/**
 * Joint applications this node takes part in: a lender asking the person and a household member together
 * (pick the member), or a member asking the person to join. Each person's own data is answered as any
 * request, below; this is only who applies together.
 */
export function JointApplications() {
  const { t } = useTranslation()
  const applications = useLoad(() => apiClient()['jointApplications.list'](undefined), ['requests'])
  const shown = applications.data?.slice(-10).reverse() ?? []
  if (!applications.error && shown.length === 0) return null
  return (
    <section aria-labelledby="joint-heading" className="card">
      <h2 id="joint-heading">{t('joint.heading')}</h2>
      <ErrorNote error={applications.error} />
      <ul className="rows" aria-label={t('joint.list')}>
        {shown.map((application) => (
          <JointApplicationCard key={application.id} application={application} onChanged={applications.reload} />
        ))}
      </ul>
    </section>
  )
}
