import type { BaseRecord } from '@credo-ts/core'

import type { CredentialDisplay } from '../../../../shared/api'

// The issuer's display metadata (OpenID4VCI) is kept in the record's metadata: it lives in Askar with the
// credential, goes with it on deletion and backup, and never needs a join with the app database.
const KEY = 'custosIssuerDisplay'

// Any record kind: an SD-JWT VC, a W3C JWT VC or an mdoc taken over OpenID4VCI.
export function setIssuerDisplay(record: Pick<BaseRecord, 'metadata'>, display: CredentialDisplay): void {
  record.metadata.set(KEY, display as unknown as Record<string, unknown>)
}

export function issuerDisplayOf(record: Pick<BaseRecord, 'metadata'>): CredentialDisplay | undefined {
  const display = record.metadata.get(KEY) as CredentialDisplay | null
  return display && Array.isArray(display.names) ? display : undefined
}
