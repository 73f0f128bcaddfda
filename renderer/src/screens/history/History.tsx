import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiClient } from '../../apiClient'
import { Done, ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { DisclosureRow } from './DisclosureRow'
import { OlderPages } from './OlderPages'
import { useHistoryPages } from './useHistoryPages'

/** Everything that was shared, newest first, a page at a time; revoking, notices, and consent receipts. */
export function History() {
  const { t } = useTranslation()
  const history = useHistoryPages()
  const exporting = useAction()
  const [exported, setExported] = useState<string>()
  const items = history.loaded?.items

  async function exportReceipts() {
    const receipts = await exporting.run(() => apiClient()['disclosures.receipts']({}))
    if (!receipts) return
    // A download made in the page: the receipts never pass through anything but this window.
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([JSON.stringify(receipts, null, 2)], { type: 'application/json' }))
    link.download = 'custos-consent-receipts.json'
    link.click()
    URL.revokeObjectURL(link.href)
    setExported(t('history.exported', { count: receipts.length }))
  }

  return (
    <section aria-labelledby="history-heading" className="card">
      <h2 id="history-heading">{t('history.title')}</h2>
      <ErrorNote error={history.error} />
      {items?.length === 0 && <p>{t('history.none')}</p>}
      {items && items.length > 0 && (
        <>
          <ul className="rows" aria-label={t('history.list')}>
            {items.map((disclosure) => (
              <DisclosureRow key={disclosure.id} disclosure={disclosure} onChanged={history.reload} />
            ))}
          </ul>
          <OlderPages history={history} />
        </>
      )}
      <button type="button" onClick={() => void exportReceipts()} disabled={exporting.busy}>
        {t('history.export')}
      </button>
      <ErrorNote error={exporting.error} />
      <Done text={exported} />
    </section>
  )
}
