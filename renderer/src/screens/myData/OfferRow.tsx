import { useTranslation } from 'react-i18next'
import type { CredentialOffer } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { claimLabel, formatDate, typeLabel } from '../../i18n/format'
import { claimText } from './claimsText'
import { IssuerStandingNote } from './IssuerStandingNote'

/** An offer from an issuer, with what it would hold, waiting for the person's yes or no. */
export function OfferRow({ offer, onDone }: { offer: CredentialOffer; onDone(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const kind = typeLabel(offer.types)
  const from = offer.from ?? t('myData.anIssuer')

  async function answer(accept: boolean) {
    const done = await action.run<unknown>(() =>
      accept
        ? apiClient()['credentials.acceptOffer']({ id: offer.id })
        : apiClient()['credentials.declineOffer']({ id: offer.id }),
    )
    if (done) onDone()
  }

  return (
    <li className="row" aria-label={t('myData.offeredBy', { kind, from })}>
      <div className="row-main">
        <strong>{kind}</strong>
        <span>
          {t('myData.from', { from })}
          {offer.expiresAt && ` ${t('myData.validUntil', { date: formatDate(offer.expiresAt) })}`}
        </span>
        <IssuerStandingNote standing={offer.standing} from={from} warn />
        <dl className="claims">
          {Object.entries(offer.claims).map(([key, value]) => (
            <div key={key}>
              <dt>{claimLabel(key)}</dt>
              <dd>{claimText(value)}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="actions">
        <button type="button" onClick={() => void answer(true)} disabled={action.busy}>
          {t('myData.accept')}
        </button>
        <button type="button" onClick={() => void answer(false)} disabled={action.busy}>
          {t('myData.decline')}
        </button>
      </div>
      <Progress busy={action.busy}>{t('myData.receiving')}</Progress>
      <ErrorNote error={action.error} />
    </li>
  )
}
