import { useTranslation } from 'react-i18next'
import { useState } from 'react'

import type { SelfDeclaredItem } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useLoad } from '../../hooks/useLoad'
import { ItemForm } from './ItemForm'
import { ItemRow } from './ItemRow'
import { OpenLink } from '../openid4vc/OpenLink'
import { Validated } from './Validated'

/** The person's data: what they state themselves, and what issuers signed. */
export function MyData() {
  const { t } = useTranslation()
  const items = useLoad(() => apiClient()['selfDeclared.list'](undefined), ['selfDeclared'])
  const [editing, setEditing] = useState<SelfDeclaredItem>()

  return (
    <>
      <section aria-labelledby="self-declared" className="card">
        <h2 id="self-declared">{t('myData.selfDeclared')}</h2>
        <p>{t('myData.selfDeclaredIntro')}</p>
        <ErrorNote error={items.error} />
        {items.data?.length === 0 && <p>{t('myData.noItems')}</p>}
        {items.data && items.data.length > 0 && (
          <ul className="rows" aria-label={t('myData.items')}>
            {items.data.map((item) => (
              <ItemRow key={item.id} item={item} onEdit={() => setEditing(item)} onRemoved={items.reload} />
            ))}
          </ul>
        )}
        <ItemForm
          key={editing?.id ?? 'new'}
          editing={editing}
          onSaved={() => {
            setEditing(undefined)
            items.reload()
          }}
          onCancel={() => setEditing(undefined)}
        />
      </section>
      <Validated />
      <OpenLink />
    </>
  )
}
