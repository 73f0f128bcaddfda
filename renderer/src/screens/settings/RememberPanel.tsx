import { useState, type FormEvent } from 'react'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { REMEMBER_MEANS } from '../vault/RememberChoice'

/**
 * "Remember on this device", turned off (or on) with the passphrase: turning off keys the store by the
 * passphrase again, and asking for it first makes sure the person still knows it before the device stops
 * knowing it for them. Shown only where the keychain exists or the store is remembered.
 */
export function RememberPanel({ status }: { status: VaultStatus }) {
  const [remembered, setRemembered] = useState(status.remembered)
  const [passphrase, setPassphrase] = useState('')
  const [saved, setSaved] = useState<string>()
  const action = useAction()
  if (!status.rememberAvailable && !remembered) return null

  async function submit(event: FormEvent) {
    event.preventDefault()
    setSaved(undefined)
    const answer = await action.run(() => apiClient()['vault.setRemembered']({ passphrase, remember: !remembered }))
    setPassphrase('')
    if (!answer) return
    setRemembered(answer.remembered)
    setSaved(answer.remembered ? 'Remembered on this device.' : 'This device no longer opens the store by itself.')
  }

  return (
    <form onSubmit={submit} aria-busy={action.busy} aria-labelledby="remember-heading">
      <h3 id="remember-heading">Remember on this device</h3>
      <p>
        {remembered ? 'On. ' : 'Off. '}
        {REMEMBER_MEANS}
      </p>
      <Field
        label="Passphrase"
        type="password"
        autoComplete="current-password"
        required
        value={passphrase}
        onChange={setPassphrase}
      />
      <button type="submit" disabled={action.busy}>
        {remembered ? 'Stop remembering on this device' : 'Remember on this device'}
      </button>
      <Progress busy={action.busy}>Re-encrypting the store’s keys…</Progress>
      <ErrorNote error={action.error} />
      <Done text={saved} />
    </form>
  )
}
