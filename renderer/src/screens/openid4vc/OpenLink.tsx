import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { CredentialOfferSummary, PresentationRequestSummary } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { QrFromImage } from '../connections/qr/QrFromImage'
import { linkKind } from './linkKind'
import { OfferCard } from './OfferCard'
import { PresentationCard, verifierName } from './PresentationCard'

/**
 * A link a company's website showed (an offer of data, or a request for it), pasted or read from a
 * picture of its QR code. An offer is shown here to take or leave; a request is handed to `onRequest`
 * (the requests list), or shown here when there is none. A request a standing policy answered at once is
 * said to be so.
 */
export function OpenLink({
  onRequest,
  link: opened,
  onLinkTaken,
}: {
  onRequest?(request: PresentationRequestSummary): void
  /** A link the desktop app was opened with: read as if pasted and opened. */
  link?: string
  onLinkTaken?(): void
}) {
  const { t } = useTranslation()
  const [link, setLink] = useState('')
  const [problem, setProblem] = useState<string>()
  const [offer, setOffer] = useState<CredentialOfferSummary>()
  const [request, setRequest] = useState<PresentationRequestSummary>()
  const [done, setDone] = useState<{ text: string; refused: boolean }>()
  const action = useAction()

  // Once per link handed over, also when effects run twice (React's strict mode in development).
  const handled = useRef<string>(undefined)
  useEffect(() => {
    if (!opened || handled.current === opened) return
    handled.current = opened
    onLinkTaken?.()
    setLink(opened)
    void openLink(opened)
  }, [opened])

  async function openLink(text: string) {
    setDone(undefined)
    const kind = linkKind(text)
    // Checked here first so a wrong paste is explained at once, without a round trip.
    if (!kind) return setProblem(t('openid4vc.notALink'))
    setProblem(undefined)
    if (kind === 'offer') {
      const summary = await action.run(() => apiClient()['openid4vc.resolveOffer']({ offer: text }))
      if (!summary) return
      setOffer(summary)
      return setLink('')
    }
    const summary = await action.run(() => apiClient()['openid4vc.resolveRequest']({ request: text }))
    if (!summary) return
    setLink('')
    const who = verifierName(summary, t('openid4vc.aVerifier'))
    // A standing policy may have answered it at once (only a verifier whose identity the request proves).
    if (summary.state === 'answered')
      return setDone({ text: t('openid4vc.policyShared', { requester: who }), refused: false })
    if (summary.state === 'refused')
      return setDone({ text: t('openid4vc.policyRefused', { requester: who }), refused: false })
    if (!onRequest) return setRequest(summary)
    onRequest(summary)
    setDone({ text: t('openid4vc.requestWaits', { requester: who }), refused: false })
  }

  function open(event: FormEvent) {
    event.preventDefault()
    void openLink(link)
  }

  function finished(text: string, refused = false) {
    setOffer(undefined)
    setRequest(undefined)
    setDone({ text, refused })
  }

  return (
    <section aria-labelledby="open-link" className="card">
      <h2 id="open-link">{t('openid4vc.openLink')}</h2>
      <p>{t('openid4vc.openLinkIntro')}</p>
      <form onSubmit={open} aria-busy={action.busy} noValidate>
        <Field
          label={t('openid4vc.link')}
          multiline
          required
          value={link}
          onChange={setLink}
          hint={t('openid4vc.linkHint')}
          error={problem}
        />
        <QrFromImage
          hint={t('openid4vc.qrHint')}
          onFound={(text) => {
            setLink(text)
            setProblem(undefined)
            setDone({ text: t('openid4vc.qrRead'), refused: false })
          }}
        />
        <button type="submit" disabled={action.busy}>
          {t('openid4vc.open')}
        </button>
        <Progress busy={action.busy}>{t('openid4vc.opening')}</Progress>
        <ErrorNote error={action.error} />
      </form>
      {done?.refused ? <ErrorNote error={done.text} /> : <Done text={done?.text} />}
      {offer && <OfferCard key={offer.offer} offer={offer} onDone={(text) => finished(text)} />}
      {request && (
        <ul className="rows" aria-label={t('requests.list')}>
          <PresentationCard request={request} onAnswered={finished} />
        </ul>
      )}
    </section>
  )
}
