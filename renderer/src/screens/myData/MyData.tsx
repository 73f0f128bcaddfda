import { useTranslation } from 'react-i18next'
import { useDeferredValue, useState } from 'react'

import type { SelfDeclaredItem } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { SearchField } from '../../components/SearchField'
import { usePages } from '../../hooks/usePages'
import { ItemForm } from './ItemForm'
import { ItemRow } from './ItemRow'
import { OpenLink } from '../openid4vc/OpenLink'
import { Validated } from './Validated'

/** The person's data: what they state themselves, and what issuers signed. */
export function MyData() {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const query = useDeferredValue(search.trim())
  const items = usePages(
    (after, found) => apiClient()['selfDeclared.page']({ limit: 50, after, query: found }),
    query,
    ['selfDeclared'],
  )
  const [editing, setEditing] = useState<SelfDeclaredItem>()

  return (
    <>
      <section aria-labelledby="self-declared" className="card">
        <h2 id="self-declared">{t('myData.selfDeclared')}</h2>
        <p>{t('myData.selfDeclaredIntro')}</p>
        <ErrorNote error={items.error} />
        {(query || (items.items?.length ?? 0) > 0) && (
          <SearchField
            id="item-search"
            label={t('myData.searchItems')}
            hint={t('myData.searchItemsHint')}
            value={search}
            onChange={setSearch}
          />
        )}
        {items.items?.length === 0 && <p>{query ? t('myData.noneFound', { query }) : t('myData.noItems')}</p>}
        {items.items && items.items.length > 0 && (
          <ul className="rows" aria-label={t('myData.items')}>
            {items.items.map((item) => (
              <ItemRow key={item.id} item={item} onEdit={() => setEditing(item)} onRemoved={items.reload} />
            ))}
          </ul>
        )}
        {items.more && (
          <button type="button" className="secondary" onClick={items.showMore}>
            {t('myData.showMore')}
          </button>
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
