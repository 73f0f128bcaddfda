import { useTranslation } from 'react-i18next'
import { useState, type FormEvent } from 'react'

import { apiClient } from '../../apiClient'
import { Field } from '../../components/Field'
import { Done, ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { useLoad } from '../../hooks/useLoad'

/** Signed lists of requesters and their roles (a regulator's, an association's); policies name roles. */
export function TrustListsPanel() {
  const { t } = useTranslation()
  const lists = useLoad(() => apiClient()['trustLists.list'](undefined), [])
  const [document, setDocument] = useState('')
  const [done, setDone] = useState<string>()
  const action = useAction()

  async function submit(event: FormEvent) {
    event.preventDefault()
    setDone(undefined)
    const imported = await action.run(() => apiClient()['trustLists.import']({ document }))
    if (!imported) return
    setDone(t('trustLists.imported', { name: imported.name }))
    setDocument('')
    lists.reload()
  }

  return (
    <section aria-labelledby="trust-lists-heading" className="card">
      <h2 id="trust-lists-heading">{t('trustLists.title')}</h2>
      <ErrorNote error={lists.error} />
      {lists.data?.length === 0 && <p>{t('trustLists.none')}</p>}
      {lists.data && lists.data.length > 0 && (
        <ul aria-label={t('trustLists.title')}>
          {lists.data.map((list) => (
            <li key={list.id}>{list.name}</li>
          ))}
        </ul>
      )}
      <form onSubmit={(event) => void submit(event)} aria-busy={action.busy} noValidate>
        <Field
          label={t('trustLists.document')}
          multiline
          required
          value={document}
          onChange={setDocument}
          hint={t('trustLists.hint')}
        />
        <button type="submit" disabled={action.busy}>
          {t('trustLists.import')}
        </button>
        <Progress busy={action.busy}>{t('myData.checking')}</Progress>
        <ErrorNote error={action.error} />
        <Done text={done} />
      </form>
    </section>
  )
}
