import { randomUUID } from 'node:crypto'

import type { DisclosedCredentialSummary } from '../../../shared/api'
import { OPENID4VP_THREAD_PREFIX, type NewDisclosure } from '../disclosures'
import { purposeIdOf } from './consentFacts'
import type { PendingRequest } from './pendingRequests'

/** The history row for an answered OpenID4VP request: the same columns a DIDComm disclosure fills. */
export function describeDisclosure(pending: PendingRequest): NewDisclosure {
  const credentials: DisclosedCredentialSummary[] = pending.proposal.items
    .filter((item) => item.credentialId)
    .map((item) => ({
      credentialId: item.credentialId as string,
      types: item.types ?? [],
      issuer: item.issuer ?? '',
      claims: Object.keys(item.claimsLeaving),
    }))
  const payload = pending.resolved.authorizationRequestPayload
  const decidedBy = pending.evaluation?.outcome === 'share' ? pending.evaluation.decidedBy : undefined
  const { clientId, statedName } = pending.verifier
  return {
    id: randomUUID(),
    requestId: pending.id,
    threadId: `${OPENID4VP_THREAD_PREFIX}${payload.state ?? payload.nonce}`,
    // No DIDComm connection: the verifier is known by its client id, which the recipient names.
    connectionId: '',
    recipient: statedName ? `${statedName} (${clientId})` : clientId,
    credentials: JSON.stringify(credentials),
    purpose: pending.terms.purpose ?? null,
    purposeIds: JSON.stringify([purposeIdOf(pending)].filter(Boolean)),
    retention: pending.terms.retention ?? null,
    legalBasis: pending.terms.legalBasis ?? null,
    decidedBy: decidedBy ? 'policy' : 'person',
    policyId: decidedBy?.policyId ?? null,
    policyVersion: decidedBy?.version ?? null,
    disclosedAt: new Date().toISOString(),
  }
}
