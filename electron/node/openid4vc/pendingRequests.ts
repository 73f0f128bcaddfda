import type { OpenId4VpResolvedAuthorizationRequest } from '@credo-ts/openid4vc'

import type { ConsentEvaluation, VerifierIdentity } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import type { RequestTerms } from '../requests'
import type { DcqlProposal } from './dcqlProposal'

export interface PendingRequest {
  id: string
  resolved: OpenId4VpResolvedAuthorizationRequest
  verifier: VerifierIdentity
  proposal: DcqlProposal
  /** What the verifier states in its signed request (`verifier_info`), see requestTerms. */
  terms: RequestTerms
  evaluation?: ConsentEvaluation
  receivedAt: string
}

// A verifier's nonce is short-lived and a request is opened from its link again at any time, so a request
// the person has not answered lives in memory only, for this long, and goes with a lock or a restart.
const LIFETIME_MS = 15 * 60_000
const MAX_PENDING = 50

// A verifier's nonce binds one answer; a request whose nonce was answered is a replay. Kept for a day
// (verifiers' nonces live minutes), in memory: it goes with a lock or a restart, like the pending requests.
const ANSWERED_MS = 24 * 60 * 60_000
const MAX_ANSWERED = 5_000

/** OpenID4VP requests waiting for the person. Credo keeps no holder-side record of them. */
export class PendingRequests {
  private readonly byId = new Map<string, PendingRequest>()
  private readonly answered = new Map<string, number>()

  /** The verifier's nonce was answered: a request carrying it again is refused. */
  markAnswered(clientId: string, nonce: string): void {
    if (this.answered.size >= MAX_ANSWERED) this.answered.delete(this.answered.keys().next().value as string)
    this.answered.set(`${clientId} ${nonce}`, Date.now())
  }

  wasAnswered(clientId: string, nonce: string): boolean {
    const at = this.answered.get(`${clientId} ${nonce}`)
    return at !== undefined && Date.now() - at < ANSWERED_MS
  }

  put(request: PendingRequest): void {
    this.prune()
    if (this.byId.size >= MAX_PENDING) this.byId.delete(this.byId.keys().next().value as string)
    this.byId.set(request.id, request)
  }

  get(id: string): PendingRequest | undefined {
    this.prune()
    return this.byId.get(id)
  }

  /** The open request, or a NotFound a person understands. */
  open(id: string): PendingRequest {
    const request = this.get(id)
    if (!request) throw new CustosError('NotFound', 'That request is no longer open; open its link again.')
    return request
  }

  all(): PendingRequest[] {
    this.prune()
    return [...this.byId.values()]
  }

  take(id: string): void {
    this.byId.delete(id)
  }

  private prune(): void {
    const oldest = Date.now() - LIFETIME_MS
    for (const [id, request] of this.byId) if (Date.parse(request.receivedAt) < oldest) this.byId.delete(id)
  }
}
