import { useTranslation } from 'react-i18next'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { AcceptInvitation } from './AcceptInvitation'
import { ConnectionItem } from './ConnectionItem'
import { CreateInvitation } from './CreateInvitation'

/** Who this node is connected to, what each connection is for, and how to add one. */
export function Connections({
  invitationLink,
  onInvitationTaken,
}: {
  invitationLink?: string
  onInvitationTaken?(): void
}) {
  const { t } = useTranslation()
  const list = useLoad(() => apiClient()['connections.list'](undefined), ['connections'])

  return (
    <>
      <div className="columns">
        <CreateInvitation />
        <AcceptInvitation onAccepted={list.reload} link={invitationLink} onLinkTaken={onInvitationTaken} />
      </div>
      <section aria-labelledby="connections-list" className="card">
        <h2 id="connections-list">{t('connections.yours')}</h2>
        <ErrorNote error={list.error} />
        {list.data === undefined && !list.error && <p role="status">{t('common.loading')}</p>}
        {list.data?.length === 0 && <p>{t('connections.none')}</p>}
        {list.data && list.data.length > 0 && (
          <ul className="rows" aria-label={t('connections.list')}>
            {list.data.map((connection) => (
              <ConnectionItem key={connection.id} connection={connection} onChanged={list.reload} />
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
