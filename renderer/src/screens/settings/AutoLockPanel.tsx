import { useTranslation } from 'react-i18next'
import { useId, useState } from 'react'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

const choices: Array<number | null> = [null, 5, 15, 30, 60, 240]

/** How long the store stays open without use; kept by the node, so it holds after a restart too. */
export function AutoLockPanel({ status }: { status: VaultStatus }) {
  const { t } = useTranslation()
  const id = useId()
  const choiceLabel = (value: number | null) =>
    value === null ? t('autoLock.never') : t('autoLock.after', { count: value })
  const [minutes, setMinutes] = useState(status.autoLockMinutes)
  const [saved, setSaved] = useState<string>()
  const action = useAction()

  async function choose(value: string) {
    const next = value === 'never' ? null : Number(value)
    setSaved(undefined)
    const answer = await action.run(() => apiClient()['vault.setAutoLock']({ minutes: next }))
    if (!answer) return
    setMinutes(answer.autoLockMinutes)
    setSaved(answer.autoLockMinutes === null ? t('autoLock.savedNever') : t('autoLock.saved'))
  }

  return (
    <div className="field">
      <label htmlFor={id}>{t('autoLock.label')}</label>
      <select id={id} value={minutes ?? 'never'} disabled={action.busy} onChange={(e) => void choose(e.target.value)}>
        {choices.map((value) => (
          <option key={value ?? 'never'} value={value ?? 'never'}>
            {choiceLabel(value)}
          </option>
        ))}
        {minutes !== null && !choices.includes(minutes) && <option value={minutes}>{choiceLabel(minutes)}</option>}
      </select>
      <Progress busy={action.busy}>{t('common.saving')}</Progress>
      <ErrorNote error={action.error} />
      <Done text={saved} />
    </div>
  )
}
