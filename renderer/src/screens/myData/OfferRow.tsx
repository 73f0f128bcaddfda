import type { CredentialOffer } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { claimText, kindOf, shortDid } from './claimsText'

/** An offer from an issuer, with what it would hold, waiting for the person's yes or no. */
export function OfferRow({ offer, onDone }: { offer: CredentialOffer; onDone(): void }) {
  const action = useAction()
  const kind = kindOf(offer.types)

  async function answer(accept: boolean) {
    const done = await action.run<unknown>(() =>
      accept
        ? apiClient()['credentials.acceptOffer']({ id: offer.id })
        : apiClient()['credentials.declineOffer']({ id: offer.id }),
    )
    if (done) onDone()
  }

  return (
    <li className="row" aria-label={`${kind} offered by ${offer.from ?? 'an issuer'}`}>
      <div className="row-main">
        <strong>{kind}</strong>
        <span>
          from {offer.from ?? 'an issuer'} (<code title={offer.issuer}>{shortDid(offer.issuer)}</code>)
          {offer.expiresAt && `, valid until ${new Date(offer.expiresAt).toLocaleDateString()}`}
        </span>
        <dl className="claims">
          {Object.entries(offer.claims).map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{claimText(value)}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void answer(true)} disabled={action.busy}>
          Accept
        </button>
        <button type="button" onClick={() => void answer(false)} disabled={action.busy}>
          Decline
        </button>
      </div>
      <Progress busy={action.busy}>Receiving and checking the credential…</Progress>
      <ErrorNote error={action.error} />
    </li>
  )
}
