import { useState, type FormEvent } from 'react'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { RememberChoice } from './RememberChoice'

/**
 * A store exists and is locked: the passphrase opens it (deriving the key takes about a second). In the
 * desktop app with a working keychain the person may also choose to be remembered on this device.
 */
export function Unlock({ status, onUnlocked }: { status?: VaultStatus; onUnlocked(status: VaultStatus): void }) {
  const [passphrase, setPassphrase] = useState('')
  const [remember, setRemember] = useState(status?.remembered ?? false)
  const action = useAction()
  const offered = status?.rememberAvailable === true

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!passphrase) return
    // Sent only where it is offered: unticking it turns remembering off, so it must mean what it shows.
    const input = offered ? { passphrase, remember } : { passphrase }
    const unlocked = await action.run(() => apiClient()['vault.unlock'](input))
    setPassphrase('')
    if (unlocked) onUnlocked(unlocked)
  }

  return (
    <main className="narrow">
      <h1>Unlock Custos</h1>
      <p>Your store is locked. Type your passphrase to open it.</p>
      <form onSubmit={submit} aria-busy={action.busy}>
        <Field
          label="Passphrase"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={passphrase}
          onChange={setPassphrase}
        />
        {offered && <RememberChoice checked={remember} onChange={setRemember} />}
        <button type="submit" disabled={action.busy}>
          Unlock
        </button>
        <Progress busy={action.busy}>Unlocking your store…</Progress>
        <ErrorNote error={action.error} />
      </form>
    </main>
  )
}
