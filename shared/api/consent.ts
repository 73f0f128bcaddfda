// Standing consent policies: the person's rules for classes of proof requests, evaluated the same way
// every time, each evaluation explaining itself.
import { z } from 'zod'

import { idSchema, isoDurationSchema, noInput } from './common'
import { method } from './contract'
import type { ConsentEvaluation, DpvPurpose, RequestWarning } from './consentEvaluation'
import type { Position } from './privacyProfile'
import { omitClaimsSchema, type ProofRequestSummary, type RequestAnswer } from './requests'

export * from './consentEvaluation'

const isoInstant = z.string().datetime({ offset: true })

const name = z.string().trim().min(1).max(200)

/** Who: one connection, or any requester an imported trust list lists in a role. */
export const policyWhoSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('connection'), connectionId: idSchema }).strict(),
  z.object({ kind: z.literal('role'), role: name }).strict(),
])

/** What: at most these claims of credentials of these types; what leaves beyond them is never released. */
export const policyWhatSchema = z
  .array(z.object({ type: name, claims: z.array(name).min(1).max(100) }).strict())
  .min(1)
  .max(50)

export const policyWhenSchema = z
  .object({
    validFrom: isoInstant.optional(),
    validUntil: isoInstant.optional(),
    /** At most this many answers in any window of `period`. */
    maxAnswers: z.number().int().min(1).max(10_000).optional(),
    period: isoDurationSchema.optional(),
    /** The longest retention a requester may state (ISO 8601 duration). */
    maxRetention: isoDurationSchema.optional(),
  })
  .strict()
  .refine((when) => (when.maxAnswers === undefined) === (when.period === undefined), {
    message: 'maxAnswers and period go together.',
  })
  .refine((when) => !when.validFrom || !when.validUntil || when.validFrom < when.validUntil, {
    message: 'validFrom must come before validUntil.',
  })

export const policyInputSchema = z
  .object({
    name,
    who: policyWhoSchema,
    what: policyWhatSchema,
    /** Purpose ids of the bundled W3C DPV list (dpv:CreditChecking); a purpose covers its narrower ones. */
    why: z.array(z.string().max(100)).min(1).max(20),
    when: policyWhenSchema.default({}),
    action: z.enum(['share', 'ask', 'refuse']),
    /** When a request would release more than `what` names: wait for the person, or refuse. */
    beyond: z.enum(['ask', 'refuse']).default('ask'),
  })
  .strict()

export type PolicyInput = z.output<typeof policyInputSchema>
export type PolicyWho = z.output<typeof policyWhoSchema>
export type PolicyWhat = z.output<typeof policyWhatSchema>
export type PolicyWhen = z.output<typeof policyWhenSchema>
export type PolicyAction = PolicyInput['action']
export type PolicyStatus = 'active' | 'paused' | 'revoked'

export interface ConsentPolicy extends PolicyInput {
  id: string
  version: number
  status: PolicyStatus
  createdAt: string
  /** When this version was made. */
  updatedAt: string
}

/** A request to try the policies on: nothing is sent and nothing is counted. */
export const sampleRequestSchema = z
  .object({
    connectionId: idSchema,
    purposes: z.array(z.string().max(100)).max(20).default([]),
    retention: isoDurationSchema.optional(),
    items: z
      .array(z.object({ types: z.array(name).max(20), claims: z.array(name).max(100) }).strict())
      .min(1)
      .max(50),
    at: isoInstant.optional(),
  })
  .strict()

export const rememberSchema = z
  .object({
    /** This connection, or every requester an imported list gives this role. */
    who: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('connection') }).strict(),
      z.object({ kind: z.literal('role'), role: name }).strict(),
    ]),
    when: policyWhenSchema.default({}),
  })
  .strict()

const rememberInputSchema = z
  .object({
    requestId: idSchema,
    action: z.enum(['share', 'refuse']),
    remember: rememberSchema,
    omit: z.array(z.string().max(200)).max(50).optional(),
    omitClaims: omitClaimsSchema.optional(),
    /** The policy's name in the person's language. */
    name: name.optional(),
  })
  .strict()

/** A request a standing policy answered without asking the person. */
export interface PolicyDecision {
  requestId: string
  decidedAt: string
  outcome: 'shared' | 'refused'
  policyId: string
  policyVersion: number
  policyName?: string
  /** The label the requesting connection gave itself, when the exchange is still there. */
  requester?: string
  purpose?: string
  /** For a share: whether the requester acknowledged it, refused it, or has not said yet. */
  answer?: RequestAnswer
  /** Refused because it went beyond the data agreement it named (no policy decided). */
  beyondAgreement?: boolean
}

const idInput = z.object({ id: idSchema }).strict()

export const consentContract = {
  'consent.listPolicies': method<ConsentPolicy[]>()(noInput),
  /** Every version of one policy, oldest first. */
  'consent.policyHistory': method<ConsentPolicy[]>()(idInput),
  'consent.createPolicy': method<ConsentPolicy>()(policyInputSchema),
  /** An edit makes a new version; the old one stays for the history. */
  'consent.updatePolicy': method<ConsentPolicy>()(z.object({ id: idSchema, policy: policyInputSchema }).strict()),
  'consent.pausePolicy': method<ConsentPolicy>()(idInput),
  'consent.resumePolicy': method<ConsentPolicy>()(idInput),
  /** Later requests under it are refused, and recipients of what it released are asked to delete it. */
  'consent.revokePolicy': method<ConsentPolicy>()(idInput),
  'consent.tryIt': method<Omit<ConsentEvaluation, 'requestId'>>()(sampleRequestSchema),
  /** The recorded evaluations of one proof request. */
  'consent.evaluations': method<ConsentEvaluation[]>()(z.object({ requestId: idSchema }).strict()),
  'consent.purposes': method<DpvPurpose[]>()(noInput),
  /** What standing policies answered without the person, newest first. */
  'consent.decisions': method<PolicyDecision[]>()(
    z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
  ),
  'consent.requestWarnings': method<RequestWarning[]>()(z.object({ requestId: idSchema }).strict()),
  /** A waiting DIDComm request against the privacy profile as it is now, with the counter-offer. */
  'consent.requestPosition': method<Position>()(z.object({ requestId: idSchema }).strict()),
  /**
   * The policy remembering this answer would save, in full, so the person reads it before anything is
   * sent or saved: what it releases (only the items kept by `omit`), to whom, for the stated purpose and
   * no longer than the stated retention.
   */
  'consent.previewRemember': method<PolicyInput>()(rememberInputSchema),
  /**
   * The person's answer to a waiting request, and the same answer as a policy for the requests like it,
   * in one step. The policy (`consent.previewRemember`) is saved only if the answer succeeded: a share
   * the requester acknowledged, or a refusal sent; `request.answer` says what the requester did.
   */
  'consent.answerAndRemember': method<{ request: ProofRequestSummary; policy?: ConsentPolicy }>()(rememberInputSchema),
}
