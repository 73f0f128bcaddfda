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

  const unknown = offer.unknownContexts ?? []
  const host = unknown[0] ? new URL(unknown[0]).host : undefined

  // Only on the person's word, and only from the issuer's own host (the node checks both).
  async function fetchVocabulary() {
    const done = await action.run(() => apiClient()['credentials.fetchContexts']({ id: offer.id }))
    if (done) onDone()
  }

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
        {host && (
          <div className="note" data-testid="unknown-vocabulary">
            <p>{t('myData.unknownVocabulary', { host })}</p>
            <details className="details">
              <summary>{t('myData.vocabularyDetails')}</summary>
              <ul>
                {unknown.map((url) => (
                  <li key={url}>{url}</li>
                ))}
              </ul>
            </details>
          </div>
        )}
      </div>
      <div className="actions">
        {host ? (
          <button type="button" onClick={() => void fetchVocabulary()} disabled={action.busy}>
            {t('myData.fetchVocabulary', { host })}
          </button>
        ) : (
          <button type="button" onClick={() => void answer(true)} disabled={action.busy}>
            {t('myData.accept')}
          </button>
        )}
        <button type="button" onClick={() => void answer(false)} disabled={action.busy}>
          {t('myData.decline')}
        </button>
      </div>
      <Progress busy={action.busy}>{t('myData.receiving')}</Progress>
      <ErrorNote error={action.error} />
    </li>
  )
}
