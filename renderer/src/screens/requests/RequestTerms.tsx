import { useTranslation } from 'react-i18next'

import type { ProofRequestSummary } from '../../../../shared/api'
import { formatDateTime, formatDuration, formatList, purposeLabel, typeLabel } from '../../i18n/format'

/**
 * What the requester states, in the person's words: why, for how long, and what it asks. The
 * requester's own wording (purpose, legal basis, item names) and protocol identifiers are folded away.
 */
export function RequestTerms({
  request,
}: {
  /** A DIDComm proof request or an OpenID4VP one: the terms both state the same way. */
  request: Pick<ProofRequestSummary, 'dpvPurpose' | 'purpose' | 'retention' | 'legalBasis' | 'asked' | 'receivedAt'>
}) {
  const { t } = useTranslation()
  const why = request.dpvPurpose ? purposeLabel(request.dpvPurpose) : (request.purpose ?? t('common.notStated'))
  // Items of one kind are named once (two statements read "Bank statement", not twice).
  const what = [
    ...new Set(
      request.asked.map((item) => (item.types.length ? typeLabel(item.types) : (item.name ?? item.descriptorId))),
    ),
  ]
  return (
    <>
      <dl className="claims terms">
        <div>
          <dt>{t('request.why')}</dt>
          <dd>{why}</dd>
        </div>
        <div>
          <dt>{t('request.howLong')}</dt>
          <dd>{formatDuration(request.retention)}</dd>
        </div>
        <div>
          <dt>{t('request.what')}</dt>
          <dd>{formatList(what)}</dd>
        </div>
      </dl>
      <details className="details">
        <summary>{t('common.details')}</summary>
        <dl className="claims">
          <div>
            <dt>{t('request.theirWords')}</dt>
            <dd>{request.purpose ?? t('common.notStated')}</dd>
          </div>
          <div>
            <dt>{t('request.legalBasis')}</dt>
            <dd>{request.legalBasis ?? t('common.notStated')}</dd>
          </div>
          <div>
            <dt>{t('request.received')}</dt>
            <dd>{formatDateTime(request.receivedAt)}</dd>
          </div>
          <div>
            <dt>{t('request.technical')}</dt>
            <dd>
              <code>{request.dpvPurpose ?? '—'}</code> · <code>{request.retention ?? '—'}</code> ·{' '}
              {request.asked.map((item) => (
                <code key={item.descriptorId}>{item.descriptorId} </code>
              ))}
            </dd>
          </div>
        </dl>
      </details>
    </>
  )
}
