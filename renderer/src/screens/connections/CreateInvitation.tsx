import { useTranslation } from 'react-i18next'
import { useState } from 'react'

import type { CreatedInvitation } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { QrCode } from '../../components/QrCode'
import { useAction } from '../../hooks/useAction'

/** Makes an invitation another agent can scan or paste. */
export function CreateInvitation() {
  const { t } = useTranslation()
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
      setCopied(t('connections.copied'))
    } catch {
      setCopied(t('connections.copyRefused'))
    }
  }

  return (
    <section aria-labelledby="invite-heading" className="card">
      <h2 id="invite-heading">{t('connections.invite')}</h2>
      <p>{t('connections.inviteIntro')}</p>
      <button type="button" onClick={() => void create()} disabled={action.busy}>
        {invitation ? t('connections.createAnother') : t('connections.create')}
      </button>
      <Progress busy={action.busy}>{t('connections.creating')}</Progress>
      <ErrorNote error={action.error} />
      {invitation && (
        <div className="invitation">
          <QrCode text={invitation.qrData} label={t('connections.qrLabel')} />
          <Field label={t('connections.link')} multiline readOnly value={invitation.url} onChange={() => undefined} />
          <button type="button" onClick={() => void copy(invitation.url)}>
            {t('connections.copy')}
          </button>
          <Done text={copied} />
        </div>
      )}
    </section>
  )
}
