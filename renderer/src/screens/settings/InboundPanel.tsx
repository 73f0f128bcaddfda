import { useTranslation } from 'react-i18next'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'

const mebibytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`

/**
 * How other agents reach this node directly. Read-only: the address is chosen when the node starts
 * (a desktop node listens on this device only), so the panel says where to change it instead.
 */
export function InboundPanel() {
  const { t } = useTranslation()
  const inbound = useLoad(() => apiClient()['inbox.inbound'](undefined), ['vault', 'mediation'])
  const data = inbound.data

  return (
    <section aria-labelledby="inbound-heading" className="card">
      <h2 id="inbound-heading">{t('inbound.title')}</h2>
      <ErrorNote error={inbound.error} />
      {data && !data.listening && <p>{t('inbound.notListening')}</p>}
      {data?.listening && (
        <dl className="claims" data-testid="inbound-status">
          <div>
            <dt>{t('inbound.listensOn')}</dt>
            <dd>
              <code>{data.address}</code> (HTTP and WebSocket),{' '}
              {data.loopbackOnly ? t('inbound.loopback') : t('inbound.network')}
            </dd>
          </div>
          <div>
            <dt>{t('inbound.endpoints')}</dt>
            <dd>
              {data.endpoints.map((endpoint) => (
                <code key={endpoint}>{endpoint} </code>
              ))}
            </dd>
          </div>
          <div>
            <dt>{t('inbound.public')}</dt>
            <dd>{data.publicUrl ?? t('inbound.noPublic')}</dd>
          </div>
          {data.maxMessageBytes !== undefined && (
            <div>
              <dt>{t('inbound.largest')}</dt>
              <dd>{mebibytes(data.maxMessageBytes)}</dd>
            </div>
          )}
        </dl>
      )}
      <p className="hint">
        {t('inbound.howTo')} <code>--host</code>, <code>--port</code>, <code>--public-url</code> (npm run serve)
      </p>
    </section>
  )
}
