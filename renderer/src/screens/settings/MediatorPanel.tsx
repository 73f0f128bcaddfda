import { useTranslation } from 'react-i18next'
import { useState, type FormEvent } from 'react'

import { invitationUrlSchema } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'

/** The mediator this node is reachable through, and choosing one by its invitation. */
export function MediatorPanel() {
  const { t } = useTranslation()
  const status = useLoad(() => apiClient()['mediation.status'](undefined), ['mediation'])
  const [url, setUrl] = useState('')
  const [problem, setProblem] = useState<string>()
  const action = useAction()
  const mediator = status.data?.mediator

  async function submit(event: FormEvent) {
    event.preventDefault()
    const checked = invitationUrlSchema.safeParse(url)
    if (!checked.success) return setProblem(t('connections.notAnInvitation'))
    setProblem(undefined)
    const next = await action.run(() => apiClient()['mediation.useMediator']({ invitationUrl: checked.data }))
    if (!next) return
    setUrl('')
    status.reload()
  }

  return (
    <section aria-labelledby="mediator-heading" className="card">
      <h2 id="mediator-heading">{t('mediator.title')}</h2>
      <ErrorNote error={status.error} />
      {status.data && (
        <p data-testid="mediator-status">
          {mediator
            ? t('mediator.through', { name: mediator.label ?? t('mediator.aMediator'), state: mediator.state })
            : t('mediator.none')}{' '}
          {status.data.servesAsMediator ? t('mediator.serves') : ''}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <Field
          label={t('mediator.link')}
          multiline
          required
          value={url}
          onChange={setUrl}
          hint={t('mediator.linkHint')}
          error={problem}
        />
        <button type="submit" disabled={action.busy}>
          {t('mediator.use')}
        </button>
        <Progress busy={action.busy}>{t('mediator.asking')}</Progress>
        <ErrorNote error={action.error} />
      </form>
    </section>
  )
}
