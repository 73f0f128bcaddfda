import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { CredentialOfferSummary } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { issuerNameOf, offeredName } from './issuerNames'
import { SignInAtIssuer } from './SignInAtIssuer'

/**
 * An offer opened from a link: who offers what, the code the issuer sent another way when it asks for
 * one, and take or leave it. Nothing is stored before the person takes it; leaving it tells the issuer
 * nothing (the protocol has no way to say no) and stores nothing.
 */
export function OfferCard({ offer, onDone }: { offer: CredentialOfferSummary; onDone(text: string): void }) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string>()
  const action = useAction()
  const issuer = issuerNameOf(offer.issuer)
  const kept = offer.credentials.filter((credential) => credential.supported)
  const notKept = offer.credentials.filter((credential) => !credential.supported)

  async function take(event: FormEvent) {
    event.preventDefault()
    const txCode = code.trim()
    if (offer.txCode && !txCode) return setProblem(t('openid4vc.codeNeeded'))
    setProblem(undefined)
    const held = await action.run(() =>
      apiClient()['openid4vc.acceptOffer']({ offer: offer.offer, txCode: offer.txCode ? txCode : undefined }),
    )
    if (held) onDone(t('openid4vc.taken', { count: held.length, issuer }))
  }

  return (
    <section className="card offer" aria-label={t('openid4vc.offerFrom', { issuer })} data-testid="openid4vc-offer">
      <h2>
        {offer.issuer.logo && <img src={offer.issuer.logo} alt="" className="logo" width={32} height={32} />}
        {t('openid4vc.offerFrom', { issuer })}
      </h2>
      <p className="hint">{t('openid4vc.issuerSays')}</p>
      <ul>
        {kept.map((credential) => (
          <li key={credential.configurationId}>{offeredName(credential)}</li>
        ))}
        {notKept.map((credential) => (
          <li key={credential.configurationId}>
            {offeredName(credential)}{' '}
            <span className="hint">
              (
              {t(
                credential.unsupportedBecause === 'attestation' ? 'openid4vc.needsAttestation' : 'openid4vc.cannotKeep',
              )}
              )
            </span>
          </li>
        ))}
      </ul>
      {offer.grant === 'authorization_code' && kept.length > 0 && notKept.length === 0 ? (
        <SignInAtIssuer offer={offer} issuer={issuer} onDone={onDone} />
      ) : (
        <form onSubmit={(event) => void take(event)} aria-busy={action.busy} noValidate>
          {offer.txCode && (
            <Field
              label={t('openid4vc.code')}
              value={code}
              onChange={setCode}
              inputMode={offer.txCode.inputMode === 'numeric' ? 'numeric' : 'text'}
              autoComplete="one-time-code"
              maxLength={offer.txCode.length ?? 100}
              hint={[
                offer.txCode.description ? t('openid4vc.codeFrom', { description: offer.txCode.description }) : '',
                offer.txCode.length
                  ? t(offer.txCode.inputMode === 'numeric' ? 'openid4vc.codeDigits' : 'openid4vc.codeLength', {
                      count: offer.txCode.length,
                    })
                  : '',
              ]
                .filter(Boolean)
                .join(' ')}
              error={problem}
            />
          )}
          <div className="actions">
            <button type="submit" disabled={action.busy || kept.length === 0}>
              {t('openid4vc.take')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={action.busy}
              onClick={() => onDone(t('openid4vc.left', { issuer }))}
            >
              {t('openid4vc.leave')}
            </button>
          </div>
        </form>
      )}
      {kept.length === 0 && <p className="note note-error">{t('openid4vc.nothingToKeep')}</p>}
      <Progress busy={action.busy}>{t('openid4vc.taking')}</Progress>
      <ErrorNote error={action.error} />
      <details className="details">
        <summary>{t('common.details')}</summary>
        <dl className="claims">
          <div>
            <dt>{t('openid4vc.issuerAddress')}</dt>
            <dd>
              <code>{offer.issuer.url}</code>
            </dd>
          </div>
          <div>
            <dt>{t('request.technical')}</dt>
            <dd>
              <code>OpenID4VCI 1.0</code> · <code>{offer.grant}</code> ·{' '}
              {offer.credentials.map((credential) => (
                <code key={credential.configurationId}>
                  {credential.configurationId} ({credential.format}
                  {credential.type ? `, ${credential.type}` : ''}){' '}
                </code>
              ))}
            </dd>
          </div>
        </dl>
      </details>
    </section>
  )
}
