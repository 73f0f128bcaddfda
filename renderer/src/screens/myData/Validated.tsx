import { useTranslation } from 'react-i18next'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { CredentialRow } from './CredentialRow'
import { OfferRow } from './OfferRow'

/** Data issuers signed: offers waiting for an answer, and the credentials held, each with its source. */
export function Validated() {
  const { t } = useTranslation()
  const offers = useLoad(() => apiClient()['credentials.listOffers'](undefined), ['credentials'])
  const held = useLoad(() => apiClient()['credentials.list'](undefined), ['credentials'])
  const reload = () => {
    offers.reload()
    held.reload()
  }

  return (
    <section aria-labelledby="validated" className="card">
      <h2 id="validated">{t('myData.validated')}</h2>
      <p>{t('myData.validatedIntro')}</p>
      <ErrorNote error={offers.error ?? held.error} />
      {offers.data && offers.data.length > 0 && (
        <>
          <h3>{t('myData.offered')}</h3>
          <ul className="rows" aria-label={t('myData.offers')}>
            {offers.data.map((offer) => (
              <OfferRow key={offer.id} offer={offer} onDone={reload} />
            ))}
          </ul>
        </>
      )}
      {held.data?.length === 0 && <p>{t('myData.noneValidated')}</p>}
      {held.data && held.data.length > 0 && (
        <ul className="rows" aria-label={t('myData.credentials')}>
          {held.data.map((credential) => (
            <CredentialRow key={credential.id} credential={credential} />
          ))}
        </ul>
      )}
    </section>
  )
}
