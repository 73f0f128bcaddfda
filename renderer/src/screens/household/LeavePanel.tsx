import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { HouseholdNode } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { formatDate } from '../../i18n/format'

/** On a member's node: the household node it belongs to, and leaving it (after the person confirms). */
export function LeavePanel({ node, onLeft }: { node: HouseholdNode; onLeft(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const [confirming, setConfirming] = useState(false)
  const [done, setDone] = useState<string>()
  const name = node.label ?? t('household.unnamed')

  async function leave() {
    const result = await action.run(() => apiClient()['household.leave'](undefined))
    setConfirming(false)
    if (!result) return
    setDone(t(result.householdTold ? 'household.left' : 'household.leftUntold', { name }))
    onLeft()
  }

  return (
    <section aria-labelledby="household-node-heading" className="card">
      <h2 id="household-node-heading">{t('household.yourNode')}</h2>
      <p data-testid="household-node">{t('household.memberOf', { name, since: formatDate(node.since) })}</p>
      {!confirming && (
        <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={action.busy}>
          {t('household.leave')}
        </button>
      )}
      {confirming && (
        <div role="group" aria-label={t('household.leave')}>
          <p>{t('household.confirmLeave', { name })}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void leave()} disabled={action.busy}>
              {t('household.confirmLeaveButton')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('common.back')}
            </button>
          </div>
        </div>
      )}
      <Progress busy={action.busy}>{t('household.working')}</Progress>
      <ErrorNote error={action.error} />
      <Done text={done} />
    </section>
  )
}
