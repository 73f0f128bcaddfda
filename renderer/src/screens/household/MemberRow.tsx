import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { HouseholdMember } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { formatDateTime } from '../../i18n/format'

/** One member's node: reachable or not, what waits for it (count and age, never content), removing it. */
export function MemberRow({ member, onRemoved }: { member: HouseholdMember; onRemoved(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const [confirming, setConfirming] = useState(false)
  const [done, setDone] = useState<string>()
  const name = member.label ?? t('household.unnamed')
  const { count, oldestAt } = member.waiting

  async function remove() {
    const result = await action.run(() => apiClient()['household.remove']({ connectionId: member.connectionId }))
    setConfirming(false)
    if (!result) return
    setDone(t('household.removed', { name, count: result.droppedMessages }))
    onRemoved()
  }

  return (
    <li className="row" aria-label={name}>
      <div className="row-main">
        <strong>{name}</strong>
        <span data-testid="member-reachable">
          {member.reachable
            ? t('household.reachableSince', { since: formatDateTime(member.reachableSince) })
            : member.lastSeenAt
              ? t('household.notReachableSeen', { seen: formatDateTime(member.lastSeenAt) })
              : t('household.notReachable')}
        </span>
        <span className="muted" data-testid="member-waiting">
          {count === 0
            ? t('household.nothingWaiting')
            : t('household.waiting', { count, oldest: formatDateTime(oldestAt) })}
        </span>
        {!member.mediated && <span className="muted">{t('household.roleOnly')}</span>}
      </div>
      {!confirming && (
        <button
          type="button"
          className="danger"
          onClick={() => setConfirming(true)}
          disabled={action.busy}
          aria-label={t('household.removeName', { name })}
        >
          {t('household.remove')}
        </button>
      )}
      {confirming && (
        <div role="group" aria-label={t('household.removeName', { name })}>
          <p>{t('household.confirmRemove', { name, count })}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void remove()} disabled={action.busy}>
              {t('household.confirmRemoveButton', { name })}
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
    </li>
  )
}
