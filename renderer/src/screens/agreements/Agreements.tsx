import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { AgreementCard } from './AgreementCard'
import { ReadFromSite } from './ReadFromSite'

/** Data agreements with companies: offers waiting for the person, counter-offers out, signed and ended ones. */
export function Agreements() {
  const { t } = useTranslation()
  const agreements = useLoad(() => apiClient()['agreements.list'](undefined), ['requests'])
  return (
    <section aria-labelledby="agreements-heading" className="card">
      <h2 id="agreements-heading">{t('agreements.title')}</h2>
      <p>{t('agreements.intro')}</p>
      <ErrorNote error={agreements.error} />
      {agreements.data?.length === 0 && <p>{t('agreements.none')}</p>}
      {agreements.data && agreements.data.length > 0 && (
        <ul className="rows" aria-label={t('agreements.list')}>
          {agreements.data.map((agreement) => (
            <AgreementCard key={agreement.id} agreement={agreement} onChanged={agreements.reload} />
          ))}
        </ul>
      )}
      <ReadFromSite onRead={agreements.reload} />
    </section>
  )
}
