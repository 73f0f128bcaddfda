// What evaluating a proof request against the consent policies says, and the warnings on a waiting one.
import type { Position } from './privacyProfile'

export type ClauseName = 'status' | 'who' | 'what' | 'why' | 'when' | 'frequency' | 'retention'

export interface ClauseResult {
  clause: ClauseName
  ok: boolean
  reason: string
}

export interface ConsideredPolicy {
  policyId: string
  version: number
  name: string
  /** Every clause, in a fixed order, so the explanation reads the same each time. */
  clauses: ClauseResult[]
  matched: boolean
  /** What this policy says for the request when it matched. */
  action?: 'share' | 'ask' | 'refuse'
}

export type ConsentOutcome = 'share' | 'ask' | 'refuse' | 'none'

export interface ConsentEvaluation {
  requestId: string
  outcome: ConsentOutcome
  decidedBy?: { policyId: string; version: number }
  considered: ConsideredPolicy[]
  reason: string
  evaluatedAt: string
  /**
   * The request against the person's privacy profile when it was decided. A policy never shares beyond
   * the profile: a request with a conflict waits for the person, whatever a policy says.
   */
  position?: Position
}

export type RequestWarningKind =
  | 'untrusted-requester'
  | 'look-alike'
  | 'identifying'
  | 'beyond-purpose'
  | 'beyond-request'
  | 'derived-would-do'
  // OpenID4VP: every instance of a batch credential went to other verifiers (renewable: the issuer can send more).
  | 'used-up-batch'
  | 'used-up-batch-renewable'

/** Something the person should know before answering a waiting request. */
export interface RequestWarning {
  kind: RequestWarningKind
  message: string
  /** The claims it is about, when it is about claims. */
  claims: string[]
  /** The held credential it is about, when it is about one (a used-up batch: `openid4vc.renewBatch` takes it). */
  credentialId?: string
}

export interface DpvPurpose {
  id: string
  label: string
  broader?: string
}
