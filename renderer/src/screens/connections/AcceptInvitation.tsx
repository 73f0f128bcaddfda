import { useTranslation } from 'react-i18next'
import { useEffect, useState, type FormEvent } from 'react'

import { invitationUrlSchema } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { QrFromImage } from './qr/QrFromImage'

/** Connects to an agent whose invitation the person received: pasted, or read from a picture of its QR code. */
export function AcceptInvitation({
  onAccepted,
  link,
  onLinkTaken,
}: {
  onAccepted(): void
  /** A link opened from outside the app: filled in for the person to check and accept, never accepted unasked. */
  link?: string
  onLinkTaken?(): void
}) {
  const { t } = useTranslation()
  const [url, setUrl] = useState('')
  useEffect(() => {
    if (!link) return
    setUrl(link)
    onLinkTaken?.()
  }, [link, onLinkTaken])
  const [problem, setProblem] = useState<string>()
  const [done, setDone] = useState<string>()
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setDone(undefined)
    // Checked here first so a wrong paste is explained at once, without a round trip.
    const checked = invitationUrlSchema.safeParse(url)
    if (!checked.success) return setProblem(t('connections.notAnInvitation'))
    setProblem(undefined)
    const connection = await action.run(() => apiClient()['connections.acceptInvitation']({ url: checked.data }))
    if (!connection) return
    setUrl('')
    setDone(t('connections.connectingTo', { name: connection.theirLabel ?? t('connections.otherSide') }))
    onAccepted()
  }

  return (
    <section aria-labelledby="accept-heading" className="card">
      <h2 id="accept-heading">{t('connections.accept')}</h2>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <Field
          label={t('connections.received')}
          multiline
          required
          value={url}
          onChange={setUrl}
          hint={t('connections.receivedHint')}
          error={problem}
        />
        <QrFromImage
          onFound={(text) => {
            setUrl(text)
            setProblem(undefined)
            setDone(t('connections.qrRead'))
          }}
        />
        <button type="submit" disabled={action.busy}>
          {t('connections.connect')}
        </button>
        <Progress busy={action.busy}>{t('connections.connecting')}</Progress>
        <ErrorNote error={action.error} />
        <Done text={done} />
      </form>
    </section>
  )
}
