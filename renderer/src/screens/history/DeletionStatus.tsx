import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { Disclosure } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { formatDateTime } from '../../i18n/format'
import { saveJson } from '../../saveJson'

/**
 * Where the deletion a revoke asked for stands: confirmed (signed or not), waiting until its due date, or
 * overdue, with a way to ask again and to keep the DPV consent record for a complaint.
 */
export function DeletionStatus({
  disclosure,
  recipient,
  onChanged,
}: {
  disclosure: Disclosure
  recipient: string
  onChanged(): void
}) {
  const { t } = useTranslation()
  const action = useAction()
  const [reminded, setReminded] = useState(false)
  const { deletion } = disclosure
  if (!deletion) return null
  if (deletion.acknowledgedAt) {
    const key = deletion.signed ? 'history.deletion.confirmedSigned' : 'history.deletion.confirmed'
    return <span className="hint">{t(key, { recipient, when: formatDateTime(deletion.acknowledgedAt) })}</span>
  }
  const due = { recipient, when: formatDateTime(deletion.dueBy) }
  if (!deletion.overdue) return <span className="hint">{t('history.deletion.due', due)}</span>

  async function remind() {
    if (await action.run(() => apiClient()['disclosures.remind']({ id: disclosure.id }))) {
      setReminded(true)
      onChanged()
    }
  }

  async function exportRecord() {
    const records = await action.run(() => apiClient()['consentRecords.export']({ id: `disclosure-${disclosure.id}` }))
    if (records) saveJson(`custos-consent-record-${disclosure.id}.jsonld`, records[0])
  }

  return (
    <>
      <span className="hint refused">{t('history.deletion.overdue', due)}</span>
      <span className="actions">
        <button type="button" onClick={() => void remind()} disabled={action.busy}>
          {t('history.deletion.remind')}
        </button>
        <button type="button" className="secondary" onClick={() => void exportRecord()} disabled={action.busy}>
          {t('history.deletion.export')}
        </button>
      </span>
      {reminded && <span className="hint">{t('history.deletion.reminded', { recipient })}</span>}
      <ErrorNote error={action.error} />
    </>
  )
}
