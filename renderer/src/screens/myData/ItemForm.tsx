import { useState, type FormEvent } from 'react'

import type { SelfDeclaredItem } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

interface ItemFormProps {
  /** The item being edited; a new item when absent. */
  editing?: SelfDeclaredItem
  onSaved(): void
  onCancel(): void
}

export function ItemForm({ editing, onSaved, onCancel }: ItemFormProps) {
  const [label, setLabel] = useState(editing?.label ?? '')
  const [value, setValue] = useState(editing?.value ?? '')
  const [problem, setProblem] = useState<string>()
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!label.trim()) return setProblem('Give the item a label, for example “Email” or “City”.')
    setProblem(undefined)
    const saved = await action.run(() => apiClient()['selfDeclared.put']({ id: editing?.id, label, value }))
    if (!saved) return
    setLabel('')
    setValue('')
    onSaved()
  }

  return (
    <form onSubmit={submit} aria-busy={action.busy} aria-labelledby="item-form-heading" className="subform">
      <h3 id="item-form-heading">{editing ? `Edit “${editing.label}”` : 'Add an item'}</h3>
      <Field label="Label" required autoFocus={editing !== undefined} value={label} onChange={setLabel} />
      <Field label="Value" multiline value={value} onChange={setValue} />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {editing ? 'Save changes' : 'Add item'}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <Progress busy={action.busy}>Saving…</Progress>
      <ErrorNote error={problem ?? action.error} />
    </form>
  )
}
