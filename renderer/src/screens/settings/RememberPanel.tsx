import { useTranslation } from 'react-i18next'
import { useState, type FormEvent } from 'react'

import type { VaultStatus } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/**
 * "Remember on this device", turned off (or on) with the passphrase: turning off keys the store by the
 * passphrase again, and asking for it first makes sure the person still knows it before the device stops
 * knowing it for them. Shown only where the keychain exists or the store is remembered.
 */
export function RememberPanel({ status }: { status: VaultStatus }) {
  const { t } = useTranslation()
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
    setSaved(answer.remembered ? t('remember.saved') : t('remember.forgotten'))
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-busy={action.busy}
      aria-labelledby="remember-heading"
      noValidate
    >
      <h3 id="remember-heading">{t('remember.label')}</h3>
      <p>
        {remembered ? t('remember.on') : t('remember.off')} {t('remember.means')}
      </p>
      <Field
        label={t('unlock.passphrase')}
        type="password"
        autoComplete="current-password"
        required
        value={passphrase}
        onChange={setPassphrase}
      />
      <button type="submit" disabled={action.busy}>
        {remembered ? t('remember.stop') : t('remember.label')}
      </button>
      <Progress busy={action.busy}>{t('changePassphrase.changing')}</Progress>
      <ErrorNote error={action.error} />
      <Done text={saved} />
    </form>
  )
}
