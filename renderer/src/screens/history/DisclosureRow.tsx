import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import type { Disclosure } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { DeletionStatus } from './DeletionStatus'
import { recipientName } from './recipientName'
import { claimLabel, formatDateTime, formatDuration, formatList, purposeLabel, typeLabel } from '../../i18n/format'

/**
 * One disclosure: what left, to whom, why, decided by whom, and what the recipient said (accepted,
 * refused, used, deleted). Revoking asks the recipient to delete it, after the person confirms.
 */
export function DisclosureRow({ disclosure, onChanged }: { disclosure: Disclosure; onChanged(): void }) {
  const { t } = useTranslation()
  const action = useAction()
  const [confirming, setConfirming] = useState(false)
  const when = formatDateTime(disclosure.disclosedAt)
  const { name: recipient, technicalId } = recipientName(disclosure.recipient)
  // OpenID4VP leaves no channel back to the verifier: revoking keeps the record and asks nobody to delete.
  const channelBack = disclosure.connectionId !== ''
  const decided = disclosure.onBehalf
    ? t('history.mandateDecided', { delegate: disclosure.onBehalf.delegate })
    : disclosure.decidedBy.kind === 'person'
      ? t('history.youDecided')
      : t('history.policyDecided', { version: disclosure.decidedBy.version })
  const why = disclosure.purposeIds.length
    ? formatList(disclosure.purposeIds.map(purposeLabel))
    : (disclosure.purpose ?? t('common.notStated'))

  async function revoke() {
    setConfirming(false)
    if (await action.run(() => apiClient()['disclosures.revoke']({ id: disclosure.id }))) onChanged()
  }

  return (
    <li className="row" aria-label={t('history.sharedWith', { recipient, when })}>
      <div className="row-main">
        <strong>
          {recipient}, {when}
        </strong>
        <span>
          {t('history.what', {
            items: disclosure.credentials
              .map((c) => `${typeLabel(c.types)} (${formatList(c.claims.map(claimLabel))})`)
              .join('; '),
            why,
            retention: formatDuration(disclosure.retention ?? undefined),
            decided,
          })}
        </span>
        {disclosure.delivery !== 'sent' && (
          <span className={disclosure.delivery === 'pending' ? 'hint' : 'hint refused'}>
            {t(`history.delivery.${disclosure.delivery}`, { recipient: disclosure.recipient })}
          </span>
        )}
        {disclosure.revokedAt && (
          <span className="hint">
            {t(channelBack ? 'history.revoked' : 'history.revokedNoRequest', {
              when: formatDateTime(disclosure.revokedAt),
            })}
          </span>
        )}
        {disclosure.notices.map((notice) => (
          <span key={notice.id} className={notice.kind === 'refused' ? 'hint refused' : 'hint'}>
            {t(`history.notice.${notice.kind}`, {
              recipient,
              when: formatDateTime(notice.receivedAt),
            })}
            {notice.note && ` ${t('history.theirWords', { note: notice.note.replace(/[.!?]$/, '') })}`}
          </span>
        ))}
        <DeletionStatus disclosure={disclosure} recipient={recipient} onChanged={onChanged} />
        {(technicalId || disclosure.onBehalf) && (
          <details className="details">
            <summary>{t('common.details')}</summary>
            {technicalId && <code>{technicalId}</code>}
            {disclosure.onBehalf && <p>{t('history.mandateId', { id: disclosure.onBehalf.mandateId })}</p>}
          </details>
        )}
      </div>
      {!disclosure.revokedAt && disclosure.delivery !== 'not-sent' && (
        <div className="actions">
          {confirming ? (
            <>
              <button type="button" className="danger" onClick={() => void revoke()} disabled={action.busy}>
                {t(channelBack ? 'history.confirmRevoke' : 'history.confirmRevokeNoChannel', { recipient })}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('common.keep')}
              </button>
            </>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={action.busy}>
              {t('history.revoke')}
            </button>
          )}
        </div>
      )}
      <ErrorNote error={action.error} />
    </li>
  )
}
