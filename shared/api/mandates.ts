// Acting for a member (issue 23): a member gives another member of the household a mandate to approve
// requests on their behalf, scoped with the clauses of a consent policy. The data never leaves the
// person's own node except to the requester; the delegate sees what is asked, never the data.
import { z } from 'zod'

import { idSchema, noInput } from './common'
import { method } from './contract'
import { policyWhatSchema, policyWhenSchema, policyWhoSchema } from './consent'

/** Which requesters, purposes, data, until when and how often: the clauses of a consent policy. */
export const mandateScopeSchema = z
  .object({
    who: policyWhoSchema,
    what: policyWhatSchema,
    why: z.array(z.string().max(100)).min(1).max(20),
    when: policyWhenSchema.default({}),
  })
  .strict()

export type MandateScope = z.output<typeof mandateScopeSchema>

/** This node gave the mandate (its person is the one acted for), or holds it (its person is the delegate). */
export type MandateRole = 'grantor' | 'delegate'

export interface Mandate {
  id: string
  role: MandateRole
  name: string
  /** The connection to the other member's node. */
  connectionId: string
  /** The other member: the delegate on the grantor's node, the person acted for on the delegate's. */
  otherLabel?: string
  scope: MandateScope
  /** The requester `scope.who` names, in words, when it is one connection. */
  requesterLabel?: string
  status: 'active' | 'revoked'
  /** Past `scope.when.validUntil`: it decides nothing any more. */
  expired: boolean
  revokedBy?: MandateRole
  createdAt: string
  revokedAt?: string
}

/** What a request asks, as the delegate sees it: kinds of data and claim names, never values. */
export interface MandateAskItem {
  descriptorId: string
  name?: string
  types: string[]
  claims: string[]
}

export type MandateAskState = 'waiting' | 'approved' | 'declined' | 'done' | 'refused' | 'withdrawn'

/** A request put to a delegate under a mandate, on either node. */
export interface MandateAsk {
  id: string
  mandateId: string
  role: MandateRole
  /** On the grantor's node: the proof request it is about. */
  requestId?: string
  requester: string
  purpose?: string
  retention?: string
  items: MandateAskItem[]
  state: MandateAskState
  /** Why it ended as it did, in words (a refusal's sentence). */
  note?: string
  askedAt: string
  decidedAt?: string
}

const giveSchema = z
  .object({
    /** The connection to the member who is to act. */
    delegateConnectionId: idSchema,
    name: z.string().trim().min(1).max(200),
    scope: mandateScopeSchema,
  })
  .strict()

export const mandatesContract = {
  'mandates.list': method<Mandate[]>()(noInput),
  'mandates.give': method<Mandate>()(giveSchema),
  'mandates.revoke': method<Mandate>()(z.object({ id: idSchema }).strict()),
  'mandates.asks': method<MandateAsk[]>()(noInput),
  'mandates.decide': method<MandateAsk>()(z.object({ askId: idSchema, approve: z.boolean() }).strict()),
}
