import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/** Reads a company's published data list (TMF644) into an offer the person then answers on its card. */
export function ReadFromSite({ onRead }: { onRead(): void }) {
  const { t } = useTranslation()
  const [address, setAddress] = useState('')
  const [problem, setProblem] = useState<string>()
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!/^https?:\/\/\S+$/.test(address.trim())) return setProblem(t('agreements.fromSite.needAddress'))
    setProblem(undefined)
    if (await action.run(() => apiClient()['tmf644.fetchSpecification']({ baseUrl: address.trim() }))) {
      setAddress('')
      onRead()
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={t('agreements.fromSite.title')} noValidate>
      <h3>{t('agreements.fromSite.title')}</h3>
      <Field
        label={t('agreements.fromSite.address')}
        value={address}
        onChange={setAddress}
        hint={t('agreements.fromSite.hint')}
        error={problem}
        inputMode="url"
      />
      <button type="submit" disabled={action.busy}>
        {t('agreements.fromSite.read')}
      </button>
      <Progress busy={action.busy}>{t('agreements.fromSite.reading')}</Progress>
      <ErrorNote error={action.error} />
    </form>
  )
}
