import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { RequestWarning } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'

/**
 * Where every copy of a credential went to another company and its issuer gave a way to ask again (the
 * `used-up-batch-renewable` warning), the card offers to fetch new copies before answering; without them
 * the answer would let the companies link the person, so the node would not send it.
 */
export function RenewBatch({ warnings }: { warnings: readonly RequestWarning[] }) {
  const { t } = useTranslation()
  const renew = useAction()
  const [renewed, setRenewed] = useState(false)
  const ids = [
    ...new Set(
      warnings
        .filter((warning) => warning.kind === 'used-up-batch-renewable')
        .flatMap((warning) => (warning.credentialId ? [warning.credentialId] : [])),
    ),
  ]
  if (ids.length === 0) return null
  if (renewed) return <p className="note">{t('openid4vc.renewed')}</p>

  async function run() {
    const done = await renew.run(() =>
      Promise.all(ids.map((credentialId) => apiClient()['openid4vc.renewBatch']({ credentialId }))),
    )
    // The node chooses the instance when the answer is sent, from the record as stored: answering works now.
    if (done) setRenewed(true)
  }

  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={() => void run()} disabled={renew.busy}>
        {t('openid4vc.renewBatch')}
      </button>
      <Progress busy={renew.busy}>{t('openid4vc.renewing')}</Progress>
      <ErrorNote error={renew.error} />
    </div>
  )
}
