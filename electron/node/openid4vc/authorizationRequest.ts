import type { AgentContext } from '@credo-ts/core'
import {
  getOid4vcCallbacks,
  getScopesFromCredentialConfigurationsSupported,
  type OpenId4VciResolvedCredentialOffer,
} from '@credo-ts/openid4vc'
import { clientAuthenticationNone, getAuthorizationServerMetadataFromList, Oauth2Client } from '@openid4vc/oauth2'

import { CustosError } from '../../../shared/errors'
import { checkEndpoint } from './links'

/** The client id Custos uses at an issuer's authorization server: a public client (no secret), PKCE. */
export const CUSTOS_CLIENT_ID = 'custos'

export interface AuthorizationRequest {
  /** Where the person's browser goes to sign in at the issuer. */
  authorizationUrl: string
  /** The authorization server's issuer identifier. */
  authorizationServer: string
  codeVerifier?: string
}

/**
 * The OAuth 2 authorization request for an offer's `authorization_code` grant (OpenID4VCI 1.0 §5.1):
 * the scopes of the offered configurations, the issuer as the resource (RFC 8707), its `issuer_state`,
 * PKCE (S256) and our own `state`, pushed first (RFC 9126) where the server has a PAR endpoint. Credo's
 * `resolveOpenId4VciAuthorizationRequest` does the same but sends no `state`, which the loopback
 * redirect needs to tell its own sign-in from a page slipping in another code; so the library's client
 * is called here with Credo's callbacks.
 */
export async function authorizationRequest(
  agentContext: AgentContext,
  resolved: OpenId4VciResolvedCredentialOffer,
  redirect: { redirectUri: string; state: string },
): Promise<AuthorizationRequest> {
  const grant = resolved.credentialOfferPayload.grants?.authorization_code
  if (!grant) throw new CustosError('CredentialRefused', 'This offer has no sign-in at the issuer to start.')
  const { metadata } = resolved
  // The same choice Credo makes when it later asks for the token with the code.
  const serverId = grant.authorization_server ?? metadata.authorizationServers[0]?.issuer
  const server = getAuthorizationServerMetadataFromList(metadata.authorizationServers, serverId)
  checkEndpoint("issuer's sign-in page", server.authorization_endpoint)
  checkEndpoint("issuer's sign-in request endpoint", server.pushed_authorization_request_endpoint)
  if (!server.code_challenge_methods_supported?.includes('S256')) {
    // Without PKCE a code caught on the way back could be spent by whoever caught it.
    throw new CustosError(
      'CredentialRefused',
      "The issuer's sign-in does not protect the way back (no PKCE with S256); Custos does not sign in there.",
    )
  }
  const client = new Oauth2Client({
    callbacks: {
      ...getOid4vcCallbacks(agentContext),
      clientAuthentication: clientAuthenticationNone({ clientId: CUSTOS_CLIENT_ID }),
    },
  })
  const scopes = getScopesFromCredentialConfigurationsSupported(resolved.offeredCredentialConfigurations)
  const { authorizationRequestUrl, pkce } = await client.createAuthorizationRequestUrl({
    authorizationServerMetadata: server,
    clientId: CUSTOS_CLIENT_ID,
    redirectUri: redirect.redirectUri,
    state: redirect.state,
    scope: scopes.join(' ') || undefined,
    resource: metadata.credentialIssuer.credential_issuer,
    additionalRequestPayload: grant.issuer_state ? { issuer_state: grant.issuer_state } : undefined,
  })
  return {
    authorizationUrl: authorizationRequestUrl,
    authorizationServer: server.issuer,
    codeVerifier: pkce?.codeVerifier,
  }
}
