import type { VaultStatus } from '../../../shared/api'
import { apiClient } from '../apiClient'
import { ErrorNote } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import type { ScreenId } from '../shell/screens'
import { PolicyAnswers } from './home/PolicyAnswers'
import { RecentActivity } from './home/RecentActivity'

/** An overview: the store, what waits, connections and data, what policies answered, and recent shares. */
export function Home({ status, onOpen }: { status: VaultStatus; onOpen(screen: ScreenId): void }) {
  const connections = useLoad(() => apiClient()['connections.list'](undefined), ['connections'])
  const items = useLoad(() => apiClient()['selfDeclared.list'](undefined), ['selfDeclared'])
  const requests = useLoad(() => apiClient()['requests.list'](undefined), ['requests'])
  const credentials = useLoad(() => apiClient()['credentials.list'](undefined), ['credentials'])
  const waiting = requests.data?.filter((request) => request.state === 'request-received').length
  const ready = connections.data?.filter((c) => c.ready).length

  return (
    <>
      <section aria-labelledby="home-store" className="card">
        <h2 id="home-store">Your store</h2>
        <p>
          Store: <strong>{status.state === 'unlocked' ? 'unlocked' : status.state}</strong>, encrypted on this device in{' '}
          <code>{status.dataDir}</code>.
        </p>
      </section>
      <section aria-labelledby="home-requests" className="card">
        <h2 id="home-requests">Waiting for you</h2>
        <p data-testid="waiting-count">
          {waiting === undefined
            ? 'Loading…'
            : waiting === 0
              ? 'No requests wait for you.'
              : `${waiting} request(s) wait for your decision.`}
        </p>
        <ErrorNote error={requests.error} />
        {!!waiting && (
          <button type="button" onClick={() => onOpen('requests')}>
            Open requests
          </button>
        )}
      </section>
      <section aria-labelledby="home-connections" className="card">
        <h2 id="home-connections">Connections</h2>
        <p data-testid="connection-count">
          {connections.data === undefined
            ? 'Loading…'
            : `${connections.data.length} connection${connections.data.length === 1 ? '' : 's'}, ${ready} ready.`}
        </p>
        <ErrorNote error={connections.error} />
        <button type="button" onClick={() => onOpen('connections')}>
          Manage connections
        </button>
      </section>
      <section aria-labelledby="home-data" className="card">
        <h2 id="home-data">My data</h2>
        <p>
          {items.data === undefined || credentials.data === undefined
            ? 'Loading…'
            : `${credentials.data.length} validated credential(s), ${items.data.length} self-declared item(s).`}
        </p>
        <ErrorNote error={items.error} />
        <button type="button" onClick={() => onOpen('data')}>
          Open my data
        </button>
      </section>
      <PolicyAnswers onOpen={onOpen} />
      <RecentActivity onOpen={onOpen} />
    </>
  )
}
