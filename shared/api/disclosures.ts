// The disclosure history: what left, to whom, why and under which decision; revoking it, what the
// recipient said it did with the data, and consent receipts (docs/consent-receipts.md).
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'

export interface DisclosedCredentialSummary {
  credentialId: string
  types: string[]
  issuer: string
  /** Claim names only: the values stay in the held credential. */
  claims: string[]
}

export interface DisclosureNotice {
  id: string
  /**
   * What the recipient said: it accepted the presentation (present-proof ack) or refused it (a problem
   * report, its words in `note`), both of the exchange itself; it used or deleted the data (data-notices).
   */
  kind: 'accepted' | 'refused' | 'used' | 'deleted'
  note?: string
  receivedAt: string
  /** The recipient signed it with a key that speaks for the connection. */
  signed?: boolean
}

export interface Disclosure {
  id: string
  requestId: string
  /** The present-proof thread the data left on; the data-notices protocol names the grant by it. */
  threadId: string
  connectionId: string
  recipient: string
  credentials: DisclosedCredentialSummary[]
  purpose?: string
  purposeIds: string[]
  retention?: string
  legalBasis?: string
  decidedBy: { kind: 'person' } | { kind: 'policy'; policyId: string; version: number }
  /** Approved by a member of the household acting for the person under a mandate (issue 23). */
  onBehalf?: { mandateId: string; delegate: string }
  disclosedAt: string
  revokedAt?: string
  deletionRequestedAt?: string
  /** The data agreement the request was made under, if it named one. */
  agreementId?: string
  /**
   * Where a deletion request stands: due by the answer period the person set (privacy profile), and
   * overdue when no acknowledgement came by then.
   */
  deletion?: { requestedAt: string; dueBy: string; acknowledgedAt?: string; signed: boolean; overdue: boolean }
  /**
   * Whether the answer left: 'pending' while it is being sent; 'not-sent' if it never did (the requester
   * could not be reached, or the app stopped before it left); 'uncertain' if the app stopped while sending.
   */
  delivery: DisclosureDelivery
  deliveryNote?: string
  notices: DisclosureNotice[]
}

export type DisclosureDelivery = 'pending' | 'sent' | 'not-sent' | 'uncertain'

/** One page of the history, newest first; `next` (absent on the last page) asks for the page after it. */
export interface DisclosurePage {
  items: Disclosure[]
  next?: string
}

/** A consent receipt, with the fields of ISO/IEC TS 27560 that this model has (docs/consent-receipts.md). */
export const consentReceiptSchema = z
  .object({
    schema_version: z.literal('custos-consent-receipt/1'),
    receipt_id: z.string().uuid(),
    record_id: z.string().min(1),
    receipt_timestamp: z.string().datetime(),
    language: z.literal('en'),
    pii_principal: z.object({ id: z.string().startsWith('did:') }).strict(),
    controllers: z
      .array(
        z.object({ name: z.string(), connection_id: z.string(), contact: z.enum(['didcomm', 'openid4vp']) }).strict(),
      )
      .min(1),
    purposes: z
      .array(
        z
          .object({
            purpose: z.string(),
            purpose_ids: z.array(z.string()),
            legal_basis: z.string().nullable(),
            retention_period: z.string().nullable(),
            pii_categories: z.array(z.string()).min(1),
            pii_sources: z.array(z.string()).min(1),
            recipients: z.array(z.string()).min(1),
          })
          .strict(),
      )
      .min(1),
    consent_type: z.enum(['expressed-by-person', 'standing-policy']),
    policy: z
      .object({ id: z.string(), version: z.number().int().min(1) })
      .strict()
      .nullable(),
    withdrawal_method: z.string().min(1),
    delivery: z.object({ protocol: z.enum(['present-proof/2.0', 'openid4vp/1.0']), thread_id: z.string() }).strict(),
    state: z.enum(['active', 'withdrawn']),
    events: z
      .array(
        z
          .object({
            type: z.enum(['given', 'withdrawn', 'deletion-requested', 'recipient-used', 'recipient-deleted']),
            timestamp: z.string().datetime(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()

export type ConsentReceipt = z.output<typeof consentReceiptSchema>

const idInput = z.object({ id: idSchema }).strict()

export const disclosuresContract = {
  'disclosures.list': method<Disclosure[]>()(noInput),
  /** The history a page at a time, newest first, so its length does not slow the screen. */
  'disclosures.page': method<DisclosurePage>()(
    z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        before: z.string().min(3).max(300).optional(),
      })
      .strict(),
  ),
  'disclosures.get': method<Disclosure>()(idInput),
  /**
   * Revokes the grant: later requests under it are refused (its policy is revoked; for a decision of
   * the person a refusing policy is made), and the recipient is asked to delete what it received.
   */
  'disclosures.revoke': method<Disclosure>()(idInput),
  /** Asks the recipient again, signed, to delete what it received, when it has not confirmed it. */
  'disclosures.remind': method<Disclosure>()(idInput),
  /** Receipts for every disclosure, or for one. */
  'disclosures.receipts': method<ConsentReceipt[]>()(z.object({ id: idSchema.optional() }).strict()),
}
