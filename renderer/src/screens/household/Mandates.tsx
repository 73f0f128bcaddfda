import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { AskItem } from './AskItem'
import { GiveMandate } from './GiveMandate'
import { MandateItem } from './MandateItem'

/**
 * Acting for each other: the mandates this person gave to or holds from members of the household, the
 * requests put under them (to decide, as the delegate), and giving a new one.
 */
export function Mandates() {
  const { t } = useTranslation()
  const mandates = useLoad(() => apiClient()['mandates.list'](undefined), ['mediation', 'connections'])
  const asks = useLoad(() => apiClient()['mandates.asks'](undefined), ['mediation', 'requests'])
  const reload = () => {
    mandates.reload()
    asks.reload()
  }
  const byId = new Map((mandates.data ?? []).map((m) => [m.id, m]))
  const toDecide = (asks.data ?? []).filter((a) => a.role === 'delegate' && a.state === 'waiting')
  const others = (asks.data ?? []).filter((a) => !toDecide.includes(a)).reverse()

  return (
    <>
      {toDecide.length > 0 && (
        <section aria-labelledby="asks-heading" className="card">
          <h2 id="asks-heading">{t('mandates.toDecide')}</h2>
          <ul className="rows" aria-label={t('mandates.toDecide')}>
            {toDecide.map((ask) => (
              <AskItem key={ask.id} ask={ask} mandate={byId.get(ask.mandateId)} onDecided={reload} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="mandates-heading" className="card">
        <h2 id="mandates-heading">{t('mandates.title')}</h2>
        <p>{t('mandates.intro')}</p>
        <ErrorNote error={mandates.error ?? asks.error} />
        {mandates.data?.length === 0 && <p>{t('mandates.none')}</p>}
        {(mandates.data?.length ?? 0) > 0 && (
          <ul className="rows" aria-label={t('mandates.list')}>
            {mandates.data?.map((mandate) => (
              <MandateItem key={mandate.id} mandate={mandate} onRevoked={reload} />
            ))}
          </ul>
        )}
        {others.length > 0 && (
          <>
            <h3>{t('mandates.history')}</h3>
            <ul className="rows" aria-label={t('mandates.history')}>
              {others.map((ask) => (
                <AskItem key={ask.id} ask={ask} mandate={byId.get(ask.mandateId)} onDecided={reload} />
              ))}
            </ul>
          </>
        )}
      </section>
      <GiveMandate onGiven={reload} />
    </>
  )
}
