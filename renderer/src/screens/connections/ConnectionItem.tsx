import { useTranslation } from 'react-i18next'
import { useState } from 'react'

import { connectionRoles, type ConnectionRole, type ConnectionSummary } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { formatDate, roleLabel } from '../../i18n/format'

/** One connection: who, its state, its role (changeable) and removal with a confirmation step. */
export function ConnectionItem({ connection, onChanged }: { connection: ConnectionSummary; onChanged(): void }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [saved, setSaved] = useState<string>()
  const action = useAction()
  const name = connection.theirLabel ?? t('connections.unnamed')
  const roleId = `role-${connection.id}`

  async function changeRole(role: ConnectionRole) {
    setSaved(undefined)
    const updated = await action.run(() => apiClient()['connections.setRole']({ id: connection.id, role }))
    if (updated) setSaved(t('connections.roleSaved', { name }))
    onChanged()
  }

  async function remove() {
    const result = await action.run(() => apiClient()['connections.remove']({ id: connection.id }))
    setConfirming(false)
    if (result) onChanged()
  }

  return (
    <li className="row" aria-label={name}>
      <div className="row-main">
        <strong>{name}</strong>
        <span className="muted">
          {t('connections.status', {
            ready: connection.ready ? 'yes' : 'no',
            invitedBy: connection.invitedBy === 'us' ? 'us' : 'them',
            since: formatDate(connection.createdAt),
          })}
        </span>
      </div>
      <div className="field inline">
        <label htmlFor={roleId}>{t('connections.roleOf', { name })}</label>
        <select
          id={roleId}
          value={connection.role}
          disabled={action.busy}
          onChange={(e) => void changeRole(e.target.value as ConnectionRole)}
        >
          {connectionRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
      </div>
      {confirming ? (
        <div className="actions">
          <button type="button" className="danger" onClick={() => void remove()} disabled={action.busy}>
            {t('connections.confirmRemove', { name })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.keep')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="danger"
          onClick={() => setConfirming(true)}
          aria-label={t('connections.removeNamed', { name })}
        >
          {t('connections.remove')}
        </button>
      )}
      <Progress busy={action.busy}>{t('common.saving')}</Progress>
      <ErrorNote error={action.error} />
      <Done text={saved} />
    </li>
  )
}
