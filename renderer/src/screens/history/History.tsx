import { useState } from 'react'

import { apiClient } from '../../apiClient'
import { Done, ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { DisclosureRow } from './DisclosureRow'
import { OlderPages } from './OlderPages'
import { useHistoryPages } from './useHistoryPages'

/** Everything that was shared, newest first, a page at a time; revoking, notices, and consent receipts. */
export function History() {
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
    setExported(`${receipts.length} receipt(s) exported as custos-consent-receipts.json.`)
  }

  return (
    <section aria-labelledby="history-heading" className="card">
      <h2 id="history-heading">What you shared</h2>
      <ErrorNote error={history.error} />
      {items?.length === 0 && <p>Nothing shared yet.</p>}
      {items && items.length > 0 && (
        <>
          <ul className="rows" aria-label="Disclosures">
            {items.map((disclosure) => (
              <DisclosureRow key={disclosure.id} disclosure={disclosure} onChanged={history.reload} />
            ))}
          </ul>
          <OlderPages history={history} />
        </>
      )}
      <button type="button" onClick={() => void exportReceipts()} disabled={exporting.busy}>
        Export consent receipts
      </button>
      <ErrorNote error={exporting.error} />
      <Done text={exported} />
    </section>
  )
}
