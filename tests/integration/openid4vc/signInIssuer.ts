import { generateKeyPairSync } from 'node:crypto'
import type { Server } from 'node:http'

import { OpenId4VcModule } from '@credo-ts/openid4vc'
import express from 'express'
import Provider from 'oidc-provider'

import { CALLBACK_PATH } from '../../../electron/node/openid4vc/loopbackRedirect'
import { freePort } from '../../helpers/freePort'
import { accountConfiguration, accountMapper, makeDidKey, plainAgent } from './plainAgents'

/**
 * panva's oidc-provider (a certified OpenID/OAuth 2 server) on 127.0.0.1 as the issuer's authorization
 * server: Custos is a registered native public client (loopback redirect, any port, RFC 8252), PKCE is
 * required, DPoP on, and access tokens are JWTs (RFC 9068) signed ES256 for the credential issuer as
 * resource (RFC 8707). Its own development login and consent pages are what the test's browser fills.
 */
export async function startAuthorizationServer() {
  const port = await freePort()
  const issuer = `http://127.0.0.1:${port}`
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'custos',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        id_token_signed_response_alg: 'ES256',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`http://127.0.0.1${CALLBACK_PATH}`],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'ES256', use: 'sig', kid: 'as-1' }] },
    cookies: { keys: ['a test cookie key that is long enough'] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined as unknown as string,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => ({
          scope: 'AccountHolder',
          audience: resource,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
  })
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s))
  })
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * A plain Credo 0.6.3 issuer that trusts the authorization server above (`type: 'direct'`: wallets go to
 * it themselves) and issues the account credential to whoever holds its access token for the scope.
 * The token carries no issuer_state, so Credo makes the issuance session when the credential is asked.
 */
export async function startSignInIssuer(dir: string, authorizationServer: string) {
  const app = express()
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let kid = ''
  const agent = await plainAgent(dir, 'signin-bank', {
    openid4vc: new OpenId4VcModule({
      app,
      issuer: {
        baseUrl: `${baseUrl}/oid4vci`,
        allowDynamicIssuanceSessions: true,
        credentialRequestToCredentialMapper: accountMapper(() => kid),
      },
    }),
  })
  kid = (await makeDidKey(agent.context)).kid
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s))
  })
  const issuer = await agent.openid4vc.issuer.createIssuer({
    credentialConfigurationsSupported: {
      account: accountConfiguration,
      // A format the node does not keep: a sign-in for it is refused before the browser opens.
      diploma: {
        format: 'ldp_vc' as const,
        scope: 'Diploma',
        credential_definition: {
          '@context': ['https://www.w3.org/2018/credentials/v1'],
          type: ['VerifiableCredential', 'DiplomaCredential'] as [string, ...string[]],
        },
      },
    },
    display: [{ name: 'Example Bank', locale: 'en' }],
    authorizationServerConfigs: [{ type: 'direct', issuer: authorizationServer }],
  })
  /** An offer needing the sign-in, or (`preAuthorized`) one that does not, of one configuration. */
  const offer = (configuration = 'account', preAuthorized = false) =>
    agent.openid4vc.issuer.createCredentialOffer({
      issuerId: issuer.issuerId,
      credentialConfigurationIds: [configuration],
      ...(preAuthorized
        ? { preAuthorizedCodeFlowConfig: { authorizationServerUrl: `${baseUrl}/oid4vci/${issuer.issuerId}` } }
        : { authorizationCodeFlowConfig: { authorizationServerUrl: authorizationServer } }),
      version: 'v1',
    })
  return {
    agent,
    offer,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await agent.shutdown()
    },
  }
}
