import { useTranslation } from 'react-i18next'
import { useState } from 'react'
import type { SelfDeclaredItem } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/** One self-declared item with its edit and remove buttons, named after the item for screen readers. */
export function ItemRow({ item, onEdit, onRemoved }: { item: SelfDeclaredItem; onEdit(): void; onRemoved(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const [confirming, setConfirming] = useState(false)

  async function remove() {
    const result = await action.run(() => apiClient()['selfDeclared.remove']({ id: item.id }))
    if (result) onRemoved()
  }

  return (
    <li className="row" aria-label={item.label}>
      <div className="row-main">
        <strong>{item.label}</strong>
        <span className="value">{item.value || t('myData.empty')}</span>
      </div>
      <div className="actions">
        <button type="button" onClick={onEdit} aria-label={t('myData.editNamed', { label: item.label })}>
          {t('myData.editButton')}
        </button>
        {confirming ? (
          <>
            <button type="button" className="danger" onClick={() => void remove()} disabled={action.busy}>
              {t('myData.confirmRemove', { label: item.label })}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.keep')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => setConfirming(true)}
            aria-label={t('myData.removeNamed', { label: item.label })}
          >
            {t('myData.remove')}
          </button>
        )}
      </div>
      <ErrorNote error={action.error} />
    </li>
  )
}
