import { useId, useState } from 'react'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

const choices: Array<[string, number | null]> = [
  ['Never (only when I lock it)', null],
  ['After 5 minutes', 5],
  ['After 15 minutes', 15],
  ['After 30 minutes', 30],
  ['After 1 hour', 60],
  ['After 4 hours', 240],
]

/** How long the store stays open without use; kept by the node, so it holds after a restart too. */
export function AutoLockPanel({ status }: { status: VaultStatus }) {
  const id = useId()
  const [minutes, setMinutes] = useState(status.autoLockMinutes)
  const [saved, setSaved] = useState<string>()
  const action = useAction()

  async function choose(value: string) {
    const next = value === 'never' ? null : Number(value)
    setSaved(undefined)
    const answer = await action.run(() => apiClient()['vault.setAutoLock']({ minutes: next }))
    if (!answer) return
    setMinutes(answer.autoLockMinutes)
    setSaved(answer.autoLockMinutes === null ? 'The store locks only when you lock it.' : 'Saved.')
  }

  return (
    <div className="field">
      <label htmlFor={id}>Lock the store when unused</label>
      <select id={id} value={minutes ?? 'never'} disabled={action.busy} onChange={(e) => void choose(e.target.value)}>
        {choices.map(([label, value]) => (
          <option key={label} value={value ?? 'never'}>
            {label}
          </option>
        ))}
        {minutes !== null && !choices.some(([, value]) => value === minutes) && (
          <option value={minutes}>After {minutes} minutes</option>
        )}
      </select>
      <Progress busy={action.busy}>Saving…</Progress>
      <ErrorNote error={action.error} />
      <Done text={saved} />
    </div>
  )
}
