import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { CredentialRow } from './CredentialRow'
import { OfferRow } from './OfferRow'
import { useHeldPages } from './useHeldPages'

/**
 * Data issuers signed: offers waiting for an answer, and the credentials held, each with its source, a
 * page at a time and searched in the node, so a store of any size opens at once.
 */
export function Validated() {
  const { t } = useTranslation()
  const offers = useLoad(() => apiClient()['credentials.listOffers'](undefined), ['credentials'])
  const [search, setSearch] = useState('')
  const query = useDeferredValue(search.trim())
  const held = useHeldPages(query)
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
      {(query || (held.items?.length ?? 0) > 0) && (
        <div className="field">
          <label htmlFor="held-search">{t('myData.search')}</label>
          <input
            id="held-search"
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            aria-describedby="held-search-hint"
          />
          <p id="held-search-hint" className="hint">
            {t('myData.searchHint')}
          </p>
        </div>
      )}
      {held.items?.length === 0 && <p>{query ? t('myData.noneFound', { query }) : t('myData.noneValidated')}</p>}
      {held.items && held.items.length > 0 && (
        <ul className="rows" aria-label={t('myData.credentials')}>
          {held.items.map((credential) => (
            <CredentialRow key={credential.id} credential={credential} />
          ))}
        </ul>
      )}
      {held.more && (
        <button type="button" className="secondary" onClick={held.showMore}>
          {t('myData.showMore')}
        </button>
      )}
    </section>
  )
}
