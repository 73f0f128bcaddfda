import type { SelfDeclaredItem } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/** One self-declared item with its edit and remove buttons, named after the item for screen readers. */
export function ItemRow({ item, onEdit, onRemoved }: { item: SelfDeclaredItem; onEdit(): void; onRemoved(): void }) {
  const action = useAction()

  async function remove() {
    const result = await action.run(() => apiClient()['selfDeclared.remove']({ id: item.id }))
    if (result) onRemoved()
  }

  return (
    <li className="row" aria-label={item.label}>
      <div className="row-main">
        <strong>{item.label}</strong>
        <span className="value">{item.value || '(empty)'}</span>
      </div>
      <div className="actions">
        <button type="button" onClick={onEdit} aria-label={`Edit ${item.label}`}>
          Edit
        </button>
        <button type="button" onClick={remove} disabled={action.busy} aria-label={`Remove ${item.label}`}>
          Remove
        </button>
      </div>
      <ErrorNote error={action.error} />
    </li>
  )
}
