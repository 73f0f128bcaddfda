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

/** OpenID4VP requests waiting for the person. Credo keeps no holder-side record of them (answered nonces: answeredNonces). */
export class PendingRequests {
  private readonly byId = new Map<string, PendingRequest>()

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
