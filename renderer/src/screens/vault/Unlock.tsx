import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { LanguageChoice } from '../settings/LanguageChoice'
import { RememberChoice } from './RememberChoice'

/**
 * A store exists and is locked: the passphrase opens it (deriving the key takes about a second). In the
 * desktop app with a working keychain the person may also choose to be remembered on this device.
 */
export function Unlock({ status, onUnlocked }: { status?: VaultStatus; onUnlocked(status: VaultStatus): void }) {
  const { t } = useTranslation()
  const [passphrase, setPassphrase] = useState('')
  const [remember, setRemember] = useState(status?.remembered ?? false)
  const [empty, setEmpty] = useState(false)
  const action = useAction()
  const offered = status?.rememberAvailable === true

  async function submit(event: FormEvent) {
    event.preventDefault()
    // An empty field is answered in words beside it, not silently ignored.
    setEmpty(!passphrase)
    if (!passphrase) return
    // Sent only where it is offered: unticking it turns remembering off, so it must mean what it shows.
    const input = offered ? { passphrase, remember } : { passphrase }
    const unlocked = await action.run(() => apiClient()['vault.unlock'](input))
    setPassphrase('')
    if (unlocked) onUnlocked(unlocked)
  }

  return (
    <main className="narrow">
      <LanguageChoice />
      <h1>{t('unlock.title')}</h1>
      <p>{t('unlock.intro')}</p>
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <Field
          label={t('unlock.passphrase')}
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          value={passphrase}
          onChange={setPassphrase}
          error={empty ? t('unlock.empty') : undefined}
        />
        {offered && <RememberChoice checked={remember} onChange={setRemember} />}
        <button type="submit" disabled={action.busy}>
          {t('unlock.unlock')}
        </button>
        <Progress busy={action.busy}>{t('unlock.unlocking')}</Progress>
        <ErrorNote error={action.error} />
      </form>
    </main>
  )
}
