import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'

const mebibytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`

/**
 * How other agents reach this node directly. Read-only: the address is chosen when the node starts
 * (a desktop node listens on this device only), so the panel says where to change it instead.
 */
export function InboundPanel() {
  const inbound = useLoad(() => apiClient()['inbox.inbound'](undefined), ['vault', 'mediation'])
  const data = inbound.data

  return (
    <section aria-labelledby="inbound-heading" className="card">
      <h2 id="inbound-heading">Inbound transport</h2>
      <ErrorNote error={inbound.error} />
      {data && !data.listening && (
        <p>This node does not listen for messages: it only sends, or it is still starting.</p>
      )}
      {data?.listening && (
        <dl className="claims" data-testid="inbound-status">
          <div>
            <dt>Listens on</dt>
            <dd>
              <code>{data.address}</code> (HTTP and WebSocket),{' '}
              {data.loopbackOnly ? 'reachable from this device only' : 'reachable from the network'}
            </dd>
          </div>
          <div>
            <dt>Others are told to use</dt>
            <dd>
              {data.endpoints.map((endpoint) => (
                <code key={endpoint}>{endpoint} </code>
              ))}
            </dd>
          </div>
          <div>
            <dt>Public address</dt>
            <dd>{data.publicUrl ?? 'none: the address it listens on'}</dd>
          </div>
          {data.maxMessageBytes !== undefined && (
            <div>
              <dt>Largest message taken</dt>
              <dd>{mebibytes(data.maxMessageBytes)}</dd>
            </div>
          )}
        </dl>
      )}
      <p className="hint">
        To be reached from other devices, start the node with <code>--host</code>, <code>--port</code> and{' '}
        <code>--public-url</code> (npm run serve), or use a mediator above.
      </p>
    </section>
  )
}
