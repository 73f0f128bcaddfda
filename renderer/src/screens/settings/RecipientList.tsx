import type { MediatedRecipient } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'

/** The nodes this node relays messages for (when it serves as a household's mediator). */
export function RecipientList() {
  const list = useLoad(() => apiClient()['mediation.listRecipients'](undefined), ['mediation'])

  return (
    <section aria-labelledby="recipients-heading" className="card">
      <h2 id="recipients-heading">Nodes this node mediates for</h2>
      <ErrorNote error={list.error} />
      {list.data?.length === 0 && <p>None.</p>}
      {list.data && list.data.length > 0 && (
        <ul className="rows" aria-label="Mediated nodes">
          {list.data.map((recipient) => (
            <Recipient key={recipient.id} recipient={recipient} onRemoved={list.reload} />
          ))}
        </ul>
      )}
    </section>
  )
}

function Recipient({ recipient, onRemoved }: { recipient: MediatedRecipient; onRemoved(): void }) {
  const action = useAction()
  const name = recipient.label ?? 'Unnamed node'

  async function remove() {
    const result = await action.run(() => apiClient()['mediation.removeRecipient']({ id: recipient.id }))
    if (result) onRemoved()
  }

  return (
    <li className="row" aria-label={name}>
      <div className="row-main">
        <strong>{name}</strong>
        <span className="muted">
          {recipient.queuedMessages} message(s) waiting · since {new Date(recipient.since).toLocaleDateString()}
        </span>
      </div>
      <button type="button" onClick={remove} disabled={action.busy} aria-label={`Stop mediating for ${name}`}>
        Stop mediating
      </button>
      <ErrorNote error={action.error} />
    </li>
  )
}
