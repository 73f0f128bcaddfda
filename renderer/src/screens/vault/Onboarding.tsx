import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { NewPassphrase } from '../../components/NewPassphrase'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { LanguageChoice } from '../settings/LanguageChoice'
import { passphraseStrength } from './passphraseStrength'
import { RestoreBackup } from './RestoreBackup'

/** First start: the person chooses the passphrase that encrypts their store. */
export function Onboarding({ onCreated }: { onCreated(status: VaultStatus): void }) {
  const { t } = useTranslation()
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [problem, setProblem] = useState<{ field: 'passphrase' | 'confirm'; text: string }>()
  const action = useAction()
  const strength = passphraseStrength(passphrase)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (strength.level === 'too-short') return setProblem({ field: 'passphrase', text: strength.text })
    if (confirm !== passphrase) return setProblem({ field: 'confirm', text: t('onboarding.differ') })
    setProblem(undefined)
    const status = await action.run(() => apiClient()['vault.create']({ passphrase }))
    if (status) onCreated(status)
  }

  return (
    <main className="narrow">
      <LanguageChoice />
      <h1>{t('onboarding.title')}</h1>
      <p>{t('onboarding.intro')}</p>
      <p className="warning">
        <strong>{t('onboarding.noRecovery')}</strong> {t('onboarding.noRecoveryMore')}
      </p>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <NewPassphrase
          label={t('onboarding.passphrase')}
          value={passphrase}
          confirm={confirm}
          onChange={setPassphrase}
          onConfirmChange={setConfirm}
          hint={passphrase ? strength.text : t('onboarding.hint')}
          error={problem?.field === 'passphrase' ? problem.text : undefined}
          confirmError={problem?.field === 'confirm' ? problem.text : undefined}
        />
        <button type="submit" disabled={action.busy}>
          {t('onboarding.create')}
        </button>
        <Progress busy={action.busy}>{t('onboarding.creating')}</Progress>
        <ErrorNote error={action.error} />
      </form>
      <RestoreBackup onRestored={onCreated} />
    </main>
  )
}
