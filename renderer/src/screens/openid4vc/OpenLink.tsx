import { useState, type FormEvent } from 'react'
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
export function OpenLink({ onRequest }: { onRequest?(request: PresentationRequestSummary): void }) {
  const { t } = useTranslation()
  const [link, setLink] = useState('')
  const [problem, setProblem] = useState<string>()
  const [offer, setOffer] = useState<CredentialOfferSummary>()
  const [request, setRequest] = useState<PresentationRequestSummary>()
  const [done, setDone] = useState<{ text: string; refused: boolean }>()
  const action = useAction()

  async function open(event: FormEvent) {
    event.preventDefault()
    setDone(undefined)
    const kind = linkKind(link)
    // Checked here first so a wrong paste is explained at once, without a round trip.
    if (!kind) return setProblem(t('openid4vc.notALink'))
    setProblem(undefined)
    if (kind === 'offer') {
      const summary = await action.run(() => apiClient()['openid4vc.resolveOffer']({ offer: link }))
      if (summary) setOffer(summary)
    } else {
      const summary = await action.run(() => apiClient()['openid4vc.resolveRequest']({ request: link }))
      if (!summary) return
      const who = verifierName(summary, t('openid4vc.aVerifier'))
      if (summary.state === 'answered')
        setDone({ text: t('openid4vc.policyShared', { requester: who }), refused: false })
      else if (summary.state === 'refused')
        setDone({ text: t('openid4vc.policyRefused', { requester: who }), refused: false })
      else if (onRequest) {
        onRequest(summary)
        setDone({ text: t('openid4vc.requestWaits', { requester: who }), refused: false })
      } else setRequest(summary)
    }
    setLink('')
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
      <form onSubmit={(event) => void open(event)} aria-busy={action.busy} noValidate>
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
