import { useState, type FormEvent } from 'react'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { NewPassphrase } from '../../components/NewPassphrase'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { passphraseStrength } from './passphraseStrength'
import { RestoreBackup } from './RestoreBackup'

/** First start: the person chooses the passphrase that encrypts their store. */
export function Onboarding({ onCreated }: { onCreated(status: VaultStatus): void }) {
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problem, setProblem] = useState<string>()
  const action = useAction()
  const strength = passphraseStrength(passphrase)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (strength.level === 'too-short') return setProblem(strength.text)
    if (confirm !== passphrase) return setProblem('The two passphrases differ. Type the same passphrase twice.')
    setProblem(undefined)
    const status = await action.run(() => apiClient()['vault.create']({ passphrase }))
    if (status) onCreated(status)
  }

  return (
    <main className="narrow">
      <h1>Create your Custos store</h1>
      <p>
        Custos keeps your data, your connections and the keys that prove who you are in a store on this device,
        encrypted with a passphrase you choose now. The passphrase never leaves this device.
      </p>
      <p className="warning">
        <strong>It cannot be recovered.</strong> If you forget it, nobody can open the store, and its contents are lost.
        Write it down and keep it somewhere safe.
      </p>
      <form onSubmit={submit} aria-busy={action.busy}>
        <NewPassphrase
          label="Passphrase"
          value={passphrase}
          confirm={confirm}
          onChange={setPassphrase}
          onConfirmChange={setConfirm}
          hint={passphrase ? strength.text : 'At least 8 characters; a few unrelated words work well.'}
        />
        <button type="submit" disabled={action.busy}>
          Create store
        </button>
        <Progress busy={action.busy}>Creating your encrypted store…</Progress>
        <ErrorNote error={problem ?? action.error} />
      </form>
      <RestoreBackup onRestored={onCreated} />
    </main>
  )
}
