import { useTranslation } from 'react-i18next'

import type { IssuerStanding } from '../../../../shared/api'

/**
 * Who issued a credential beside who delivered it: the name a trust list gives the issuer, or that no
 * list confirms it (on an offer, `warn`: a warning the person reads before accepting).
 */
export function IssuerStandingNote(props: { standing?: IssuerStanding; from: string; warn?: boolean }) {
  const { standing, from, warn = false } = props
  const { t } = useTranslation()
  if (!standing) return null
  const issuer = standing.issuerName ?? (standing.issuerIsConnection ? from : t('myData.issuerNotVerified'))
  // The connection that signed it itself is already named as where it came from.
  const sameParty = standing.issuerIsConnection && !standing.issuerName
  return (
    <>
      {!sameParty && (
        <p className="hint" data-testid="issuer-standing">
          {t('myData.issuedDelivered', { issuer, from })}
        </p>
      )}
      {warn && standing.listedBy.length === 0 && <p className="warning">{t('myData.issuerNotListed')}</p>}
    </>
  )
}
