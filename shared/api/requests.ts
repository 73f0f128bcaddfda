// Proof requests from requesters: they wait in a list with what the requester states, until the person
// approves the proposed answer or declines.
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'
import type { TrustListVoucher } from './trustLists'

/** One input descriptor of a DIF presentation definition, as the person reads it. */
export interface AskedItem {
  descriptorId: string
  name?: string
  purpose?: string
  /** Credential types the requester accepts for it (from `$.type` filters). */
  types: string[]
  /** The claims it names, e.g. `grossYearlyIncome`, `address`. */
  claims: string[]
  /**
   * Whether the request lets the person leave this one out (its submission requirements allow an answer
   * without it). Without submission requirements every item is required: a subset is no valid answer.
   */
  optional: boolean
}

/**
 * What became of an answer: the requester acknowledged the presentation, refused it (their words in
 * `reason`), has not said yet, or the node declined the request.
 */
export interface RequestAnswer {
  outcome: 'accepted' | 'refused' | 'unconfirmed' | 'declined'
  reason?: string
}

export interface ProofRequestSummary {
  id: string
  connectionId?: string
  /** The label the requester gave itself: only what it says it is. */
  requester?: string
  /** The imported trust lists that vouch for the requester's keys (none: not verified). */
  vouchedBy: TrustListVoucher[]
  /** What the requester states; absent when they did not. */
  purpose?: string
  /** The purpose as a W3C DPV id, when the requester stated one. */
  dpvPurpose?: string
  /** How long they keep the data (ISO 8601 duration or text). */
  retention?: string
  legalBasis?: string
  /** Who else receives the data, as the requester states it. */
  thirdParties?: string[]
  /** Whether the requester says it profiles the person on the data. */
  profiling?: boolean
  /** The data agreement the requester says it asks under. */
  agreement?: string
  asked: AskedItem[]
  /** Present-proof v2 state: request-received until answered. */
  state: string
  /** Once answered: what the requester did with the answer. */
  answer?: RequestAnswer
  receivedAt: string
}

export interface AnswerItem {
  descriptorId: string
  name?: string
  /** The request lets the person leave this item out (see AskedItem.optional). */
  optional: boolean
  /** The held credential that would be sent, when one fits. */
  credentialId?: string
  /** All held credentials that fit, to choose from. */
  candidates: string[]
  issuer?: string
  types?: string[]
  /**
   * Exactly what would leave. A JSON-LD credential (Ed25519Signature2018 signs it whole): all of its claims.
   * An SD-JWT VC: only the claims the request asks, by dotted name (`address.city`).
   */
  claimsLeaving: Record<string, unknown>
  /** Of those, the claims the requester asked for. */
  claimsAsked: string[]
  /**
   * Of those, the claims the request lets the person leave out (a field it marks optional). Only an SD-JWT
   * VC's claims leave one by one; a JSON-LD credential is signed whole, so none for one (absent: none).
   */
  claimsOptional?: string[]
}

export interface ProposedAnswer {
  requestId: string
  satisfiable: boolean
  items: AnswerItem[]
  /** What the node does not hold, by descriptor. */
  missing: AskedItem[]
}

/** Statements left out of a document, by descriptor id: `{ identity: ['address.street'] }`. */
export const omitClaimsSchema = z.record(z.string().max(200), z.array(z.string().max(200)).max(100))

export const requestsContract = {
  'requests.list': method<ProofRequestSummary[]>()(noInput),
  'requests.get': method<ProofRequestSummary>()(z.object({ id: idSchema }).strict()),
  'requests.propose': method<ProposedAnswer>()(z.object({ id: idSchema }).strict()),
  /**
   * Sends the proposed answer, or the credentials chosen per descriptor; `omit` leaves descriptors out
   * where the request allows it (its submission requirements), `omitClaims` single statements inside a
   * document, by descriptor, where the request marks them optional (AnswerItem.claimsOptional). Returns once the requester acknowledged
   * or refused the presentation (or after a wait, `answer.outcome` then 'unconfirmed').
   */
  'requests.approve': method<ProofRequestSummary>()(
    z
      .object({
        id: idSchema,
        choose: z.record(z.string().max(200), idSchema).optional(),
        omit: z.array(z.string().max(200)).max(50).optional(),
        omitClaims: omitClaimsSchema.optional(),
      })
      .strict(),
  ),
  /** Declines with a problem report; without a reason, it names what the node does not hold. */
  'requests.decline': method<ProofRequestSummary>()(
    z.object({ id: idSchema, reason: z.string().trim().max(500).optional() }).strict(),
  ),
}
