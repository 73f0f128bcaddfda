import { useState, type FormEvent } from 'react'

import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { NewPassphrase } from '../../components/NewPassphrase'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { passphraseStrength } from '../vault/passphraseStrength'

/** Changing the store's passphrase: the current one is needed, and the old one stops working. */
export function PassphrasePanel() {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problem, setProblem] = useState<string>()
  const [changed, setChanged] = useState(false)
  const action = useAction()
  const strength = passphraseStrength(next)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setChanged(false)
    if (strength.level === 'too-short') return setProblem(strength.text)
    if (confirm !== next) return setProblem('The two new passphrases differ. Type the same one twice.')
    setProblem(undefined)
    const status = await action.run(() => apiClient()['vault.changePassphrase']({ current, next }))
    if (!status) return
    setChanged(true)
    setCurrent('')
    setNext('')
    setConfirm('')
  }

  return (
    <section aria-labelledby="passphrase-heading" className="card">
      <h2 id="passphrase-heading">Passphrase</h2>
      <form onSubmit={submit} aria-busy={action.busy}>
        <Field
          label="Current passphrase"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={setCurrent}
        />
        <NewPassphrase
          label="New passphrase"
          value={next}
          confirm={confirm}
          onChange={setNext}
          onConfirmChange={setConfirm}
          hint={next ? strength.text : 'At least 8 characters; a few unrelated words work well.'}
        />
        <button type="submit" disabled={action.busy}>
          Change passphrase
        </button>
        <Progress busy={action.busy}>Re-encrypting the store’s keys…</Progress>
        <ErrorNote error={problem ?? action.error} />
        {changed && <p role="status">The passphrase was changed. The old one no longer opens the store.</p>}
      </form>
    </section>
  )
}
