import { useTranslation } from 'react-i18next'
import { useState, type FormEvent } from 'react'

import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { NewPassphrase } from '../../components/NewPassphrase'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { passphraseStrength } from '../vault/passphraseStrength'

/** Changing the store's passphrase: the current one is needed, and the old one stops working. */
export function PassphrasePanel() {
  const { t } = useTranslation()
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
    if (confirm !== next) return setProblem(t('changePassphrase.differ'))
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
      <h2 id="passphrase-heading">{t('changePassphrase.title')}</h2>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <Field
          label={t('changePassphrase.current')}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={setCurrent}
        />
        <NewPassphrase
          label={t('changePassphrase.new')}
          againLabel={t('changePassphrase.again')}
          value={next}
          confirm={confirm}
          onChange={setNext}
          onConfirmChange={setConfirm}
          hint={next ? strength.text : t('onboarding.hint')}
          error={problem === strength.text ? problem : undefined}
          confirmError={problem && problem !== strength.text ? problem : undefined}
        />
        <button type="submit" disabled={action.busy}>
          {t('changePassphrase.change')}
        </button>
        <Progress busy={action.busy}>{t('changePassphrase.changing')}</Progress>
        <ErrorNote error={action.error} />
        {changed && <p role="status">{t('changePassphrase.changed')}</p>}
      </form>
    </section>
  )
}
