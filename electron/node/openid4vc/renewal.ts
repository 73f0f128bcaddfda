import type { MdocRecord, SdJwtVcRecord, W3cCredentialRecord } from '@credo-ts/core'

/**
 * What it takes to ask the issuer for a new batch of a credential later: its refresh token (OpenID4VCI 1.0
 * §6.3 lets an issuer give one with the access token) and which of its configurations it was. Kept in the
 * record's metadata, in the encrypted Askar store beside the credential; never shown or sent elsewhere.
 * Only an unbound refresh token is kept: one bound to a DPoP key would need that key kept too.
 */
export interface Renewal {
  credentialIssuer: string
  configurationId: string
  refreshToken: string
  authorizationServer?: string
  clientId?: string
}

const KEY = 'custosRenewal'

type Kept = SdJwtVcRecord | MdocRecord | W3cCredentialRecord

export function setRenewal(record: Kept, renewal: Renewal): void {
  record.metadata.set(KEY, { ...renewal })
}

export function renewalOf(record: Kept): Renewal | undefined {
  const value = record.metadata.get(KEY) as Partial<Renewal> | null
  if (!value || typeof value.refreshToken !== 'string' || typeof value.credentialIssuer !== 'string') return undefined
  if (typeof value.configurationId !== 'string') return undefined
  return value as Renewal
}
