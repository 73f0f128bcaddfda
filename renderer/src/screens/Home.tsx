import { useTranslation } from 'react-i18next'

import type { VaultStatus } from '../../../shared/api'
import { apiClient } from '../apiClient'
import { ErrorNote } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import type { ScreenId } from '../shell/screens'
import { PolicyAnswers } from './home/PolicyAnswers'
import { RecentActivity } from './home/RecentActivity'

/** An overview: the store, what waits, connections and data, what policies answered, and recent shares. */
export function Home({ status, onOpen }: { status: VaultStatus; onOpen(screen: ScreenId): void }) {
  const { t } = useTranslation()
  const connections = useLoad(() => apiClient()['connections.list'](undefined), ['connections'])
  const items = useLoad(() => apiClient()['selfDeclared.list'](undefined), ['selfDeclared'])
  const requests = useLoad(() => apiClient()['requests.list'](undefined), ['requests'])
  // OpenID4VP requests opened from a link wait in the node's memory beside the DIDComm ones.
  const fromLinks = useLoad(() => apiClient()['openid4vc.listRequests'](undefined), ['requests'])
  const credentials = useLoad(() => apiClient()['credentials.list'](undefined), ['credentials'])
  const waitingDidComm = requests.data?.filter((request) => request.state === 'request-received').length
  const waiting =
    waitingDidComm === undefined || fromLinks.data === undefined ? undefined : waitingDidComm + fromLinks.data.length
  const ready = connections.data?.filter((c) => c.ready).length ?? 0

  return (
    <>
      <section aria-labelledby="home-store" className="card">
        <h2 id="home-store">{t('home.store')}</h2>
        <p>{status.state === 'unlocked' ? t('home.storeUnlocked') : t('home.storeLocked')}</p>
      </section>
      <section aria-labelledby="home-requests" className="card">
        <h2 id="home-requests">{t('home.waiting')}</h2>
        <p data-testid="waiting-count">
          {waiting === undefined ? t('common.loading') : t('home.waitingCount', { count: waiting })}
        </p>
        <ErrorNote error={requests.error ?? fromLinks.error} />
        {!!waiting && (
          <button type="button" onClick={() => onOpen('requests')}>
            {t('home.openRequests')}
          </button>
        )}
      </section>
      <section aria-labelledby="home-connections" className="card">
        <h2 id="home-connections">{t('home.connections')}</h2>
        <p data-testid="connection-count">
          {connections.data === undefined
            ? t('common.loading')
            : t('home.connectionCount', { count: connections.data.length, ready })}
        </p>
        <ErrorNote error={connections.error} />
        <button type="button" onClick={() => onOpen('connections')}>
          {t('home.manageConnections')}
        </button>
      </section>
      <section aria-labelledby="home-data" className="card">
        <h2 id="home-data">{t('home.data')}</h2>
        <p>
          {items.data === undefined || credentials.data === undefined
            ? t('common.loading')
            : t('home.dataCount', { credentials: credentials.data.length, items: items.data.length })}
        </p>
        <ErrorNote error={items.error} />
        <button type="button" onClick={() => onOpen('data')}>
          {t('home.openData')}
        </button>
      </section>
      <PolicyAnswers onOpen={onOpen} />
      <RecentActivity onOpen={onOpen} />
    </>
  )
}
