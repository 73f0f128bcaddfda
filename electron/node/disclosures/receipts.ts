import { randomUUID } from 'node:crypto'

import type { ConsentReceipt, Disclosure } from '../../../shared/api'
import { OPENID4VP_THREAD_PREFIX } from './disclosureTables'

export const WITHDRAWAL_METHOD =
  'Revoke the disclosure or its policy in Custos (disclosures.revoke, consent.revokePolicy): later requests ' +
  'under it are refused and the recipient is sent a data-notices/1.0 deletion-request over the same DIDComm connection.'

export const OPENID4VP_WITHDRAWAL_METHOD =
  'Revoke the disclosure in Custos (disclosures.revoke): it is marked withdrawn. OpenID4VP gives no channel back ' +
  'to the verifier, so no deletion request can be sent; ask the verifier directly.'

/** A disclosure as an ISO/IEC TS 27560-style consent receipt (docs/consent-receipts.md). */
export function toReceipt(disclosure: Disclosure, principalDid: string, now = new Date()): ConsentReceipt {
  // OpenID4VP leaves no channel back to the verifier: the receipt says how it went and that deletion cannot be asked.
  const openid4vp = disclosure.threadId.startsWith(OPENID4VP_THREAD_PREFIX)
  const events: ConsentReceipt['events'] = [{ type: 'given', timestamp: disclosure.disclosedAt }]
  if (disclosure.revokedAt) events.push({ type: 'withdrawn', timestamp: disclosure.revokedAt })
  if (disclosure.deletionRequestedAt) {
    events.push({ type: 'deletion-requested', timestamp: disclosure.deletionRequestedAt })
  }
  // The requester's ack or refusal of the presentation is the exchange's, not an event of the consent.
  for (const notice of disclosure.notices) {
    if (notice.kind === 'used') events.push({ type: 'recipient-used', timestamp: notice.receivedAt })
    if (notice.kind === 'deleted') events.push({ type: 'recipient-deleted', timestamp: notice.receivedAt })
  }
  events.sort((a, b) => a.timestamp.localeCompare(b.timestamp))
  return {
    schema_version: 'custos-consent-receipt/1',
    receipt_id: randomUUID(),
    record_id: disclosure.id,
    receipt_timestamp: now.toISOString(),
    language: 'en',
    pii_principal: { id: principalDid },
    controllers: [
      {
        name: disclosure.recipient,
        connection_id: disclosure.connectionId,
        contact: openid4vp ? 'openid4vp' : 'didcomm',
      },
    ],
    purposes: [
      {
        purpose: disclosure.purpose ?? 'not stated',
        purpose_ids: disclosure.purposeIds,
        legal_basis: disclosure.legalBasis ?? null,
        retention_period: disclosure.retention ?? null,
        pii_categories: [...new Set(disclosure.credentials.flatMap((credential) => credential.claims))],
        pii_sources: [...new Set(disclosure.credentials.map((credential) => credential.issuer))],
        recipients: [disclosure.recipient],
      },
    ],
    consent_type: disclosure.decidedBy.kind === 'policy' ? 'standing-policy' : 'expressed-by-person',
    policy:
      disclosure.decidedBy.kind === 'policy'
        ? { id: disclosure.decidedBy.policyId, version: disclosure.decidedBy.version }
        : null,
    withdrawal_method: openid4vp ? OPENID4VP_WITHDRAWAL_METHOD : WITHDRAWAL_METHOD,
    delivery: { protocol: openid4vp ? 'openid4vp/1.0' : 'present-proof/2.0', thread_id: disclosure.threadId },
    state: disclosure.revokedAt ? 'withdrawn' : 'active',
    events,
  }
}
