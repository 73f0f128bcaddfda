import type {
  DidCommCredentialExchangeRecord,
  DidCommJsonLdCredentialFormat,
  GetCredentialFormatDataReturn,
  JsonLdFormatDataCredentialDetail,
} from '@credo-ts/didcomm'

import type { CredentialOffer } from '../../../shared/api'
import { issuerOf } from './credentialChecks'
import type { SdJwtVcCredentialFormat } from './sdJwt/sdJwtVcFormat'

// The formats this node takes offers in (CredentialsService's Api, named by format, not by service).
type FormatData = GetCredentialFormatDataReturn<[DidCommJsonLdCredentialFormat, SdJwtVcCredentialFormat]>

/** An offer as the person sees it, from the offer attachment Credo kept with the exchange. */
export function toCredentialOffer(
  record: DidCommCredentialExchangeRecord,
  data: FormatData,
  from: string | undefined,
): CredentialOffer | undefined {
  const sdJwt = data.offer?.sdJwtVc
  if (sdJwt && record.connectionId) {
    return {
      id: record.id,
      connectionId: record.connectionId,
      from,
      issuer: sdJwt.issuer,
      types: [sdJwt.vct],
      claims: sdJwt.claims,
      expiresAt: sdJwt.expiresAt ? new Date(sdJwt.expiresAt * 1000).toISOString() : undefined,
      format: 'vc+sd-jwt',
      receivedAt: record.createdAt.toISOString(),
    }
  }
  const detail: JsonLdFormatDataCredentialDetail | undefined = data.offer?.jsonld
  if (!detail || !record.connectionId) return undefined
  const credential = detail.credential
  const { id: _subjectId, ...claims } = [credential.credentialSubject].flat()[0] ?? {}
  return {
    id: record.id,
    connectionId: record.connectionId,
    from,
    issuer: issuerOf(credential) ?? '',
    types: [credential.type].flat(),
    claims,
    expiresAt: credential.expirationDate,
    format: 'ldp_vc',
    receivedAt: record.createdAt.toISOString(),
  }
}
