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
    if (!checked.success) return setProblem(checked.error.issues[0]?.message)
    setProblem(undefined)
    const connection = await action.run(() => apiClient()['connections.acceptInvitation']({ url: checked.data }))
    if (!connection) return
    setUrl('')
    setDone(`Connecting to ${connection.theirLabel ?? 'the other side'}. It appears in the list below.`)
    onAccepted()
  }

  return (
    <section aria-labelledby="accept-heading" className="card">
      <h2 id="accept-heading">Accept an invitation</h2>
      <form onSubmit={submit} aria-busy={action.busy}>
        <Field
          label="Invitation you received"
          multiline
          required
          value={url}
          onChange={setUrl}
          hint="Paste the link you received (https://… or custos://invite…)."
        />
        <QrFromImage
          onFound={(text) => {
            setUrl(text)
            setProblem(undefined)
            setDone('Read the QR code: check the link above, then connect.')
          }}
        />
        <button type="submit" disabled={action.busy}>
          Connect
        </button>
        <Progress busy={action.busy}>Connecting…</Progress>
        <ErrorNote error={problem ?? action.error} />
        <Done text={done} />
      </form>
    </section>
  )
}
