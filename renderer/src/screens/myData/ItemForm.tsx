import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation()
  const [label, setLabel] = useState(editing?.label ?? '')
  const [value, setValue] = useState(editing?.value ?? '')
  const [problem, setProblem] = useState<string>()
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!label.trim()) return setProblem(t('myData.labelNeeded'))
    setProblem(undefined)
    const saved = await action.run(() => apiClient()['selfDeclared.put']({ id: editing?.id, label, value }))
    if (!saved) return
    setLabel('')
    setValue('')
    onSaved()
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-busy={action.busy}
      aria-labelledby="item-form-heading"
      className="subform"
      noValidate
    >
      <h3 id="item-form-heading">{editing ? t('myData.edit', { label: editing.label }) : t('myData.add')}</h3>
      <Field
        label={t('myData.label')}
        required
        autoFocus={editing !== undefined}
        value={label}
        onChange={setLabel}
        error={problem}
      />
      <Field label={t('myData.value')} multiline value={value} onChange={setValue} />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {editing ? t('myData.save') : t('myData.addItem')}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <Progress busy={action.busy}>{t('common.saving')}</Progress>
      <ErrorNote error={action.error} />
    </form>
  )
}
