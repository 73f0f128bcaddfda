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
  const prettyClaims = prettyClaimsOf(agentContext, record.encoded)
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

// Decoding an SD-JWT VC hashes every disclosure; its compact form never changes, and it is read on the
// way to every answer (matching, then the history entry), so the decoded claims are kept by that form.
const MAX_DECODED = 500
const decoded = new Map<string, Record<string, unknown>>()

function prettyClaimsOf(agentContext: AgentContext, encoded: string): Record<string, unknown> {
  let claims = decoded.get(encoded)
  if (!claims) {
    claims = agentContext.dependencyManager.resolve(SdJwtVcService).fromCompact(encoded).prettyClaims
    if (decoded.size >= MAX_DECODED) decoded.clear()
    decoded.set(encoded, claims)
  }
  // A copy: what a caller does with its credential's claims must not change the next caller's.
  return structuredClone(claims)
}
