import type { DidCommCredentialExchangeRecord, JsonLdFormatDataCredentialDetail } from '@credo-ts/didcomm'

import type { CredentialOffer } from '../../../shared/api'
import { issuerOf } from './credentialChecks'
import type { NodeCredentialsApi } from './CredentialsService'

type FormatData = Awaited<ReturnType<NodeCredentialsApi['getFormatData']>>

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
