import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { AskedItem, DataAgreement } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { formatDateTime } from '../../i18n/format'
import { PositionNote } from '../privacy/PositionNote'
import { AgreementTermsList } from './AgreementTermsList'

/**
 * One agreement: where it stands, the terms on the table, where the company's offer goes beyond the
 * privacy terms and what the counter-offer would say, and the steps its state allows.
 */
export function AgreementCard({ agreement, onChanged }: { agreement: DataAgreement; onChanged(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const [confirmEnd, setConfirmEnd] = useState(false)
  const company = agreement.company ?? t('common.aConnection')
  const asked: AskedItem[] = agreement.offered.items.map((item) => ({
    descriptorId: item.id,
    name: item.name,
    types: item.types,
    claims: item.claims,
    optional: !item.required,
  }))

  // An agreement read from the company's website is answered there (TMF644); the others over the connection.
  const viaSite = agreement.connectionId.startsWith('tmf644:')

  async function step(method: 'agreements.accept' | 'agreements.counter' | 'agreements.reject') {
    const id = agreement.id
    const call = !viaSite
      ? () => apiClient()[method]({ id })
      : method === 'agreements.reject'
        ? () => apiClient()['tmf644.reject']({ id })
        : () => apiClient()['tmf644.agree']({ id, counter: method === 'agreements.counter' })
    if (await action.run(call)) onChanged()
  }

  async function end() {
    if (await action.run(() => apiClient()['agreements.terminate']({ id: agreement.id }))) onChanged()
    setConfirmEnd(false)
  }

  const { state, position } = agreement
  return (
    <li className="card agreement" aria-label={t('agreements.from', { company })}>
      <h3>{t('agreements.from', { company })}</h3>
      <p>
        {t(viaSite && state === 'agreed' ? 'agreements.state.agreedViaSite' : `agreements.state.${state}`, { company })}
      </p>
      {viaSite && <p className="hint">{t('agreements.viaSite')}</p>}
      {agreement.endedBy && (
        <p>
          {t(`agreements.endedBy.${agreement.endedBy}`, {
            company,
            reason: agreement.reason ?? t('agreements.noReason'),
          })}
        </p>
      )}
      {agreement.usedAfterEnd > 0 && (
        <p className="note note-warning">{t('agreements.usedAfterEnd', { company, count: agreement.usedAfterEnd })}</p>
      )}
      <AgreementTermsList terms={state === 'offered' ? agreement.offered : agreement.current} />
      {state === 'offered' && <PositionNote position={position} asked={asked} of="offer" />}
      <div className="actions">
        {state === 'offered' && (
          <>
            {!position.fits && position.reachable && (
              <button type="button" onClick={() => void step('agreements.counter')} disabled={action.busy}>
                {t('agreements.counter')}
              </button>
            )}
            <button
              type="button"
              className={position.fits ? undefined : 'secondary'}
              onClick={() => void step('agreements.accept')}
              disabled={action.busy}
            >
              {t('agreements.accept')}
            </button>
          </>
        )}
        {(state === 'offered' || (state === 'countered' && !viaSite)) && (
          <button
            type="button"
            className="secondary"
            onClick={() => void step('agreements.reject')}
            disabled={action.busy}
          >
            {t('agreements.reject')}
          </button>
        )}
        {state === 'agreed' && !viaSite && !confirmEnd && (
          <button type="button" className="danger" onClick={() => setConfirmEnd(true)} disabled={action.busy}>
            {t('agreements.terminate')}
          </button>
        )}
        {state === 'agreed' && confirmEnd && (
          <>
            <button type="button" className="danger" onClick={() => void end()} disabled={action.busy}>
              {t('agreements.confirmTerminate', { company })}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmEnd(false)}>
              {t('common.back')}
            </button>
          </>
        )}
      </div>
      <Progress busy={action.busy}>{t('agreements.working')}</Progress>
      <ErrorNote error={action.error} />
      <details className="details">
        <summary>{t('common.details')}</summary>
        <dl className="claims">
          <div>
            <dt>{t('agreements.reference')}</dt>
            <dd>
              <code>{agreement.id}</code> · <code>r{agreement.current.revision}</code>
            </dd>
          </div>
          {agreement.companySignature && (
            <div>
              <dt>{t('agreements.companySignature')}</dt>
              <dd>
                {t('agreements.signedBy', {
                  signer: agreement.companySignature.signer,
                  at: formatDateTime(agreement.companySignature.signed_at),
                })}
              </dd>
            </div>
          )}
          {agreement.holderSignature && (
            <div>
              <dt>{t('agreements.yourSignature')}</dt>
              <dd>
                {t('agreements.signedBy', {
                  signer: agreement.holderSignature.signer,
                  at: formatDateTime(agreement.holderSignature.signed_at),
                })}
              </dd>
            </div>
          )}
        </dl>
      </details>
    </li>
  )
}
