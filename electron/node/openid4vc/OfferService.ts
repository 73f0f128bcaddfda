import { injectable, type AgentContext } from '@credo-ts/core'
import { OpenId4VcHolderApi, type OpenId4VciResolvedCredentialOffer } from '@credo-ts/openid4vc'

import type { CredentialOfferSummary, HeldCredential } from '../../../shared/api'
import { InvalidInputError } from '../../../shared/errors'
import { checkEndpoint, offerLink } from './links'
import { offerByValue, toOfferSummary } from './offerSummary'
import { withPeer } from './peerFailures'
import { renewBatch } from './renewBatch'
import { refuseUnkept, takeCredentials } from './takeCredentials'

const ISSUER = 'the issuer'

/**
 * OpenID4VCI 1.0 as the holder: an offer is read and shown, then taken by pre-authorized code (with the
 * transaction code the issuer sent another way), each credential bound to a new key in the person's store.
 * Credo checks each issued credential's signature; the node stores all of them or none.
 */
@injectable()
export class OfferService {
  async resolve(agentContext: AgentContext, input: string): Promise<CredentialOfferSummary> {
    const resolved = await this.resolveOffer(agentContext, input)
    return toOfferSummary(resolved, offerByValue(resolved))
  }

  async accept(agentContext: AgentContext, input: string, txCode?: string): Promise<HeldCredential[]> {
    const resolved = await this.resolveOffer(agentContext, input)
    const summary = toOfferSummary(resolved, input)
    refuseUnkept(summary)
    if (summary.grant !== 'pre-authorized_code') {
      throw new InvalidInputError('This offer needs a sign-in at the issuer; start it with "Sign in at the issuer".')
    }
    if (summary.txCode && !txCode)
      throw new InvalidInputError('The issuer asks for the code it sent you; enter it to take the offer.')
    const refusal = summary.txCode
      ? 'The issuer did not accept the code; check it and try again'
      : 'The issuer did not accept the request for an access token'
    const token = await withPeer(ISSUER, refusal, () =>
      agentContext.resolve(OpenId4VcHolderApi).requestToken({
        resolvedCredentialOffer: resolved,
        txCode: summary.txCode ? txCode : undefined,
      }),
    )
    return takeCredentials(agentContext, resolved, summary, token)
  }

  /** A new batch of a held credential, with the refresh token its issuer gave (renewBatch.ts). */
  async renew(agentContext: AgentContext, credentialId: string): Promise<HeldCredential> {
    return renewBatch(agentContext, credentialId)
  }

  async resolveOffer(agentContext: AgentContext, input: string): Promise<OpenId4VciResolvedCredentialOffer> {
    const link = offerLink(input)
    const resolved = await withPeer(ISSUER, 'The credential offer cannot be used', () =>
      agentContext.resolve(OpenId4VcHolderApi).resolveCredentialOffer(link),
    )
    const metadata = resolved.metadata.credentialIssuer
    checkEndpoint('issuer', metadata.credential_issuer)
    checkEndpoint("issuer's credential endpoint", metadata.credential_endpoint)
    checkEndpoint("issuer's nonce endpoint", metadata.nonce_endpoint)
    for (const server of resolved.metadata.authorizationServers ?? []) {
      checkEndpoint("issuer's token endpoint", server.token_endpoint)
    }
    return resolved
  }
}
