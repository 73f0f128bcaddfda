import { useState } from 'react'

import type { CreatedInvitation } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { QrCode } from '../../components/QrCode'
import { useAction } from '../../hooks/useAction'

/** Makes an invitation another agent can scan or paste. */
export function CreateInvitation() {
  const [invitation, setInvitation] = useState<CreatedInvitation>()
  const [copied, setCopied] = useState<string>()
  const action = useAction()

  async function create() {
    setCopied(undefined)
    const created = await action.run(() => apiClient()['connections.createInvitation'](undefined))
    if (created) setInvitation(created)
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url)
      setCopied('Link copied.')
    } catch {
      setCopied('Copying is not allowed here; select the link and copy it yourself.')
    }
  }

  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">Invite someone</h2>
      <p>An invitation lets one other agent connect to you: a bank, a requester or a household member.</p>
      <button type="button" onClick={create} disabled={action.busy}>
        {invitation ? 'Create another invitation' : 'Create invitation'}
      </button>
      <Progress busy={action.busy}>Creating the invitation…</Progress>
      <ErrorNote error={action.error} />
      {invitation && (
        <div className="invitation">
          <QrCode text={invitation.qrData} label="QR code of the invitation" />
          <Field label="Invitation link" multiline readOnly value={invitation.url} onChange={() => undefined} />
          <button type="button" onClick={() => copy(invitation.url)}>
            Copy link
          </button>
          <Done text={copied} />
        </div>
      )}
    </section>
  )
}
