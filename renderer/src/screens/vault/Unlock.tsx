import { useState, type FormEvent } from 'react'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/** A store exists and is locked: the passphrase opens it (deriving the key takes about a second). */
export function Unlock({ onUnlocked }: { onUnlocked(status: VaultStatus): void }) {
  const [passphrase, setPassphrase] = useState('')
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!passphrase) return
    const status = await action.run(() => apiClient()['vault.unlock']({ passphrase }))
    setPassphrase('')
    if (status) onUnlocked(status)
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
        <button type="submit" disabled={action.busy}>
          Unlock
        </button>
        <Progress busy={action.busy}>Unlocking your store…</Progress>
        <ErrorNote error={action.error} />
      </form>
    </main>
  )
}
