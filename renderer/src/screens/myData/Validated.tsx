import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { SearchField } from '../../components/SearchField'
import { useLoad } from '../../hooks/useLoad'
import { usePages } from '../../hooks/usePages'
import { CredentialRow } from './CredentialRow'
import { OfferRow } from './OfferRow'

/**
 * Data issuers signed: offers waiting for an answer, and the credentials held, each with its source, a
 * page at a time and searched in the node, so a store of any size opens at once.
 */
export function Validated() {
  const { t } = useTranslation()
  const offers = useLoad(() => apiClient()['credentials.listOffers'](undefined), ['credentials'])
  const [search, setSearch] = useState('')
  const query = useDeferredValue(search.trim())
  const held = usePages(
    (before, search) => apiClient()['credentials.page']({ limit: 50, before, query: search }),
    query,
    ['credentials'],
  )
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
        <SearchField
          id="held-search"
          label={t('myData.search')}
          hint={t('myData.searchHint')}
          value={search}
          onChange={setSearch}
        />
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
