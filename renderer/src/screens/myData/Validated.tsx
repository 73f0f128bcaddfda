import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { CredentialRow } from './CredentialRow'
import { OfferRow } from './OfferRow'

/** Data issuers signed: offers waiting for an answer, and the credentials held, each with its source. */
export function Validated() {
  const offers = useLoad(() => apiClient()['credentials.listOffers'](undefined), ['credentials'])
  const held = useLoad(() => apiClient()['credentials.list'](undefined), ['credentials'])
  const reload = () => {
    offers.reload()
    held.reload()
  }

  return (
    <section aria-labelledby="validated" className="card">
      <h2 id="validated">Validated</h2>
      <p>
        Data a bank, insurer, employer or registry signed for you. Whoever you share it with can check the signature
        themselves.
      </p>
      <ErrorNote error={offers.error ?? held.error} />
      {offers.data && offers.data.length > 0 && (
        <>
          <h3>Offered to you</h3>
          <ul className="rows" aria-label="Offers">
            {offers.data.map((offer) => (
              <OfferRow key={offer.id} offer={offer} onDone={reload} />
            ))}
          </ul>
        </>
      )}
      {held.data?.length === 0 && <p>None yet. When an issuer you are connected to offers you data, it shows here.</p>}
      {held.data && held.data.length > 0 && (
        <ul className="rows" aria-label="Credentials">
          {held.data.map((credential) => (
            <CredentialRow key={credential.id} credential={credential} />
          ))}
        </ul>
      )}
    </section>
  )
}
