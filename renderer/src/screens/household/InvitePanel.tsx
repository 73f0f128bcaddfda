import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/** On the household node: a one-time link for a member's node; the node that uses it joins at once. */
export function InvitePanel() {
  const { t } = useTranslation()
  const action = useAction()
  const [url, setUrl] = useState<string>()

  async function invite() {
    const created = await action.run(() => apiClient()['mediation.createDeviceInvitation'](undefined))
    if (created) setUrl(created.url)
  }

  return (
    <section aria-labelledby="invite-member-heading" className="card">
      <h2 id="invite-member-heading">{t('household.invite')}</h2>
      <p>{t('household.inviteHint')}</p>
      <button type="button" onClick={() => void invite()} disabled={action.busy}>
        {t('household.inviteButton')}
      </button>
      {url && (
        <p>
          <label>
            {t('household.inviteLink')}
            <textarea readOnly value={url} rows={3} data-testid="household-invitation" />
          </label>
        </p>
      )}
      <ErrorNote error={action.error} />
    </section>
  )
}
