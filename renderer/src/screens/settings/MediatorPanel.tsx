import { useState, type FormEvent } from 'react'

import { invitationUrlSchema } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'

/** The mediator this node is reachable through, and choosing one by its invitation. */
export function MediatorPanel() {
  const status = useLoad(() => apiClient()['mediation.status'](undefined), ['mediation'])
  const [url, setUrl] = useState('')
  const [problem, setProblem] = useState<string>()
  const action = useAction()
  const mediator = status.data?.mediator

  async function submit(event: FormEvent) {
    event.preventDefault()
    const checked = invitationUrlSchema.safeParse(url)
    if (!checked.success) return setProblem(checked.error.issues[0]?.message)
    setProblem(undefined)
    const next = await action.run(() => apiClient()['mediation.useMediator']({ invitationUrl: checked.data }))
    if (!next) return
    setUrl('')
    status.reload()
  }

  return (
    <section aria-labelledby="mediator-heading" className="card">
      <h2 id="mediator-heading">Mediator</h2>
      <ErrorNote error={status.error} />
      {status.data && (
        <p data-testid="mediator-status">
          {mediator
            ? `Reachable through ${mediator.label ?? 'a mediator'} (${mediator.state})${mediator.endpoint ? ` at ${mediator.endpoint}` : ''}.`
            : 'No mediator: other agents reach this node only at its own address, and only while it runs.'}{' '}
          {status.data.servesAsMediator ? 'This node also serves as mediator for other nodes.' : ''}
        </p>
      )}
      <form onSubmit={submit} aria-busy={action.busy}>
        <Field
          label="Mediator invitation link"
          multiline
          required
          value={url}
          onChange={setUrl}
          hint="Paste the invitation of an always-on node (your household's or a service's) to be reachable while this one sleeps."
        />
        <button type="submit" disabled={action.busy}>
          Use this mediator
        </button>
        <Progress busy={action.busy}>Asking the mediator…</Progress>
        <ErrorNote error={problem ?? action.error} />
      </form>
    </section>
  )
}
