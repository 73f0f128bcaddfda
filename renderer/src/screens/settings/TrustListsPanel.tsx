import { useState, type FormEvent } from 'react'

import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'

/** Signed lists of requesters and their roles (a regulator's, an association's); policies name roles. */
export function TrustListsPanel() {
  const lists = useLoad(() => apiClient()['trustLists.list'](undefined), [])
  const [document, setDocument] = useState('')
  const [done, setDone] = useState<string>()
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setDone(undefined)
    const imported = await action.run(() => apiClient()['trustLists.import']({ document }))
    if (!imported) return
    setDone(`Imported “${imported.name}”.`)
    setDocument('')
    lists.reload()
  }

  return (
    <section aria-labelledby="trust-lists-heading" className="card">
      <h2 id="trust-lists-heading">Trust lists</h2>
      <ErrorNote error={lists.error} />
      {lists.data?.length === 0 && <p>None imported: every requester counts as unknown.</p>}
      {lists.data && lists.data.length > 0 && (
        <ul aria-label="Trust lists">
          {lists.data.map((list) => (
            <li key={list.id}>{list.name}</li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} aria-busy={action.busy}>
        <Field
          label="Trust list (JSON)"
          multiline
          required
          value={document}
          onChange={setDocument}
          hint="Paste the signed list; its signature is checked before anything is kept."
        />
        <button type="submit" disabled={action.busy}>
          Import
        </button>
        <Progress busy={action.busy}>Checking the signature…</Progress>
        <ErrorNote error={action.error} />
        <Done text={done} />
      </form>
    </section>
  )
}
