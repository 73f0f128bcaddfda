import { randomUUID } from 'node:crypto'

import { inject, injectable, type AgentContext } from '@credo-ts/core'
import { OpenId4VcHolderApi } from '@credo-ts/openid4vc'

import type { SignInStart, SignInStatus } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { authorizationRequest, CUSTOS_CLIENT_ID } from './authorizationRequest'
import { openLoopbackRedirect } from './loopbackRedirect'
import { OfferService } from './OfferService'
import { toOfferSummary } from './offerSummary'
import { withPeer } from './peerFailures'
import { refuseUnkept, takeCredentials } from './takeCredentials'

/** How long the person has to sign in at the issuer; then the loopback listener closes. */
export const SIGN_IN_TIMEOUT_MS = 10 * 60_000
/** How long an ended sign-in's outcome stays to be read. */
const KEPT_MS = 15 * 60_000

/**
 * OpenID4VCI's authorization code flow for a desktop app: the node opens a loopback redirect (RFC 8252),
 * returns the issuer's sign-in address for the person's own browser, and when the browser comes back
 * with the code (and our state) it trades it with the PKCE verifier for a token and takes the
 * credentials, all or none, as for a pre-authorized offer. The outcome is kept in memory to be read.
 */
@injectable()
export class SignInService {
  private readonly flows = new Map<string, SignInStatus & { endedAt?: number }>()
  timeoutMs = SIGN_IN_TIMEOUT_MS

  constructor(@inject(OfferService) private readonly offers: OfferService) {}

  async start(agentContext: AgentContext, input: string): Promise<SignInStart> {
    const resolved = await this.offers.resolveOffer(agentContext, input)
    const summary = toOfferSummary(resolved, input)
    refuseUnkept(summary)
    if (summary.grant !== 'authorization_code') {
      throw new InvalidInputError('This offer needs no sign-in at the issuer; take it as it is.')
    }
    const redirect = await openLoopbackRedirect(this.timeoutMs)
    const request = await withPeer('the issuer', "The issuer's sign-in cannot be started", () =>
      authorizationRequest(agentContext, resolved, redirect),
    ).catch((error: unknown) => {
      redirect.close()
      throw error
    })
    redirect.issuer = request.authorizationServer
    this.prune()
    const id = randomUUID()
    const expiresAt = new Date(Date.now() + this.timeoutMs).toISOString()
    this.flows.set(id, { id, state: 'waiting', expiresAt })
    void redirect.code
      .then(async (code) => {
        const token = await withPeer('the issuer', 'The issuer did not accept the sign-in', () =>
          agentContext.resolve(OpenId4VcHolderApi).requestToken({
            resolvedCredentialOffer: resolved,
            code,
            clientId: CUSTOS_CLIENT_ID,
            codeVerifier: request.codeVerifier,
            redirectUri: redirect.redirectUri,
          }),
        )
        const credentials = await takeCredentials(agentContext, resolved, summary, token, CUSTOS_CLIENT_ID)
        this.flows.set(id, { id, state: 'taken', expiresAt, credentials, endedAt: Date.now() })
      })
      .catch((error: unknown) => {
        const failure =
          error instanceof CustosError ? error : new CustosError('Internal', 'The sign-in could not be finished.')
        this.flows.set(id, { id, state: 'failed', expiresAt, error: failure.toJSON(), endedAt: Date.now() })
      })
    return { id, authorizationUrl: request.authorizationUrl, expiresAt }
  }

  status(id: string): SignInStatus {
    const flow = this.flows.get(id)
    if (!flow) throw new CustosError('NotFound', 'No sign-in at an issuer with this id is going on.')
    const { endedAt: _ended, ...status } = flow
    return status
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, flow] of this.flows) if (flow.endedAt && now - flow.endedAt > KEPT_MS) this.flows.delete(id)
  }
}
