import { useTranslation } from 'react-i18next'
import { useEffect, useState } from 'react'

import type { HeldCredential } from '../../../../shared/api'
import { apiClient } from '../../apiClient'
import { ErrorNote, Progress } from '../../components/Notice'
import { useAction } from '../../hooks/useAction'
import { formatDate, formatDateTime, formatList } from '../../i18n/format'
import { claimName, heldName } from '../openid4vc/issuerNames'
import { claimText } from './claimsText'
import { IssuerStandingNote } from './IssuerStandingNote'
import { otherHolders } from './jointHolders'
import { Documents } from './documents/Documents'

/** A held credential with its claims and where it came from; its signature can be checked again. */
export function CredentialRow({ credential }: { credential: HeldCredential }) {
  const [current, setCurrent] = useState(credential)
  // The list reloads as the node updates the record (its provenance tags are written just after it is
  // stored): the row must show the newer record, not the one it first rendered.
  useEffect(() => setCurrent(credential), [credential])
  const { t } = useTranslation()
  const action = useAction()
  const { provenance } = current
  const kind = heldName(current)
  const others = otherHolders(current.claims)

  async function verify() {
    const checked = await action.run(() => apiClient()['credentials.verify']({ id: current.id }))
    if (checked) setCurrent(checked)
  }

  return (
    <li className="row" aria-label={kind}>
      <div className="row-main">
        <strong>{kind}</strong>
        <dl className="claims">
          {Object.entries(current.claims).map(([key, value]) => (
            <div key={key}>
              <dt>{claimName(key, current.display)}</dt>
              <dd>{claimText(value)}</dd>
            </div>
          ))}
        </dl>
        <p className="hint" data-testid="provenance">
          {t('myData.provenance', {
            issued: formatDate(provenance.issuedAt),
            valid: provenance.signature.result === 'valid' ? 'yes' : 'no',
            checked: formatDateTime(provenance.signature.checkedAt),
          })}
          {provenance.expiresAt && ` ${t('myData.validUntil', { date: formatDate(provenance.expiresAt) })}`}
          {!provenance.connectionId && ` ${t('myData.connectionRemoved')}`}
        </p>
        {others.length > 0 && (
          <p className="hint" data-testid="joint-document">
            {t('myData.jointDocument', { others: formatList(others) })}
          </p>
        )}
        <IssuerStandingNote standing={provenance.standing} from={provenance.deliveredBy ?? t('myData.anIssuer')} />
        <details className="details">
          <summary>{t('common.details')}</summary>
          <p className="hint">
            <code>{provenance.issuer}</code>
            {provenance.signature.error && ` · ${provenance.signature.error}`}
          </p>
        </details>
        <Documents credentialId={current.id} documents={current.documents ?? []} />
      </div>
      <div className="actions">
        <button
          type="button"
          onClick={() => void verify()}
          disabled={action.busy}
          aria-label={t('myData.checkAgainNamed', { kind })}
        >
          {t('myData.checkAgain')}
        </button>
      </div>
      <Progress busy={action.busy}>{t('myData.checking')}</Progress>
      <ErrorNote error={action.error} />
    </li>
  )
}
