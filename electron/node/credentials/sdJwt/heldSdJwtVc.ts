import { SdJwtVcService, type AgentContext, type SdJwtVcRecord } from '@credo-ts/core'

import type { HeldCredential } from '../../../../shared/api'
import { arrivalOf, signatureOf } from '../provenance'
import { issuerDisplayOf } from './issuerDisplayMetadata'

/** The registered JWT claims and SD-JWT machinery of a payload: what the issuer says about the credential. */
const ENVELOPE = new Set(['vct', 'iss', 'cnf', 'iat', 'exp', 'nbf', 'status', 'sub', '_sd_alg'])

function fromEpoch(seconds: unknown): string | undefined {
  return typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : undefined
}

/** The claims an SD-JWT VC states (all of them, as held; what leaves is chosen per request). */
export function sdJwtClaims(prettyClaims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(prettyClaims).filter(([name]) => !ENVELOPE.has(name)))
}

export function toHeldSdJwtVc(agentContext: AgentContext, record: SdJwtVcRecord): HeldCredential {
  const prettyClaims: Record<string, unknown> = agentContext.dependencyManager
    .resolve(SdJwtVcService)
    .fromCompact(record.encoded).prettyClaims
  const display = issuerDisplayOf(record)
  return {
    id: record.id,
    types: [String(prettyClaims.vct)],
    claims: sdJwtClaims(prettyClaims),
    provenance: {
      issuer: String(prettyClaims.iss),
      ...arrivalOf(record),
      issuedAt: fromEpoch(prettyClaims.iat) ?? record.createdAt.toISOString(),
      expiresAt: fromEpoch(prettyClaims.exp),
      signature: signatureOf(record),
      format: 'vc+sd-jwt',
    },
    ...(display ? { display } : {}),
  }
}
