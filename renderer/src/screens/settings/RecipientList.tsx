import { formatDate } from '../../i18n/format'
import { useTranslation } from 'react-i18next'
import type { MediatedRecipient } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'

/** The nodes this node relays messages for (when it serves as a household's mediator). */
export function RecipientList() {
  const { t } = useTranslation()
  const list = useLoad(() => apiClient()['mediation.listRecipients'](undefined), ['mediation'])

  return (
    <section aria-labelledby="recipients-heading" className="card">
      <h2 id="recipients-heading">{t('mediator.recipients')}</h2>
      <ErrorNote error={list.error} />
      {list.data?.length === 0 && <p>{t('mediator.noRecipients')}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="rows" aria-label={t('mediator.recipientList')}>
          {list.data.map((recipient) => (
            <Recipient key={recipient.id} recipient={recipient} onRemoved={list.reload} />
          ))}
        </ul>
      )}
    </section>
  )
}

function Recipient({ recipient, onRemoved }: { recipient: MediatedRecipient; onRemoved(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const name = recipient.label ?? t('mediator.unnamed')

  async function remove() {
    const result = await action.run(() => apiClient()['mediation.removeRecipient']({ id: recipient.id }))
    if (result) onRemoved()
  }

  return (
    <li className="row" aria-label={name}>
      <div className="row-main">
        <strong>{name}</strong>
        <span className="muted">
          {t('mediator.queued', { count: recipient.queuedMessages, since: formatDate(recipient.since) })}
        </span>
      </div>
      <button
        type="button"
        onClick={() => void remove()}
        disabled={action.busy}
        aria-label={t('mediator.stopFor', { name })}
        className="danger"
      >
        {t('mediator.stop')}
      </button>
      <ErrorNote error={action.error} />
    </li>
  )
}
