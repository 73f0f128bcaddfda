import { useState } from 'react'

import { connectionRoles, type ConnectionRole, type ConnectionSummary } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { roleNames } from './roleNames'

/** One connection: who, its state, its role (changeable) and removal with a confirmation step. */
export function ConnectionItem({ connection, onChanged }: { connection: ConnectionSummary; onChanged(): void }) {
  const [confirming, setConfirming] = useState(false)
  const [saved, setSaved] = useState<string>()
  const action = useAction()
  const name = connection.theirLabel ?? 'Unnamed agent'
  const roleId = `role-${connection.id}`

  async function changeRole(role: ConnectionRole) {
    setSaved(undefined)
    const updated = await action.run(() => apiClient()['connections.setRole']({ id: connection.id, role }))
    if (updated) setSaved(`Role of ${name} saved.`)
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
          {connection.ready ? 'Connected' : `Connecting (${connection.state})`} · invited by{' '}
          {connection.invitedBy === 'us' ? 'you' : 'them'} · since {new Date(connection.createdAt).toLocaleDateString()}
        </span>
      </div>
      <div className="field inline">
        <label htmlFor={roleId}>Role of {name}</label>
        <select
          id={roleId}
          value={connection.role}
          disabled={action.busy}
          onChange={(e) => changeRole(e.target.value as ConnectionRole)}
        >
          {connectionRoles.map((role) => (
            <option key={role} value={role}>
              {roleNames[role]}
            </option>
          ))}
        </select>
      </div>
      {confirming ? (
        <div className="actions">
          <button type="button" className="danger" onClick={remove} disabled={action.busy}>
            Yes, remove {name}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
          Remove
        </button>
      )}
      <Progress busy={action.busy}>Saving…</Progress>
      <ErrorNote error={action.error} />
      <Done text={saved} />
    </li>
  )
}
