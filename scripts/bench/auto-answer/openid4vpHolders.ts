import path from 'node:path'

import { Kms, type SdJwtVcRecord } from '@credo-ts/core'
import { OpenId4VcModule } from '@credo-ts/openid4vc'

import { didKeyOfPrivateKey, signTrustList } from '../../../electron/node/trustLists'
import { apiOf, startNode } from '../../../tests/helpers/nodes'
import { ACCOUNT_VCT, offerFrom, plainAgent, type startIssuer } from '../../../tests/integration/openid4vc/plainAgents'
import { demoPrivateKey } from '../../companies'

type Issuer = Awaited<ReturnType<typeof startIssuer>>

/** Answers one OpenID4VP request link at once; resolves when the verifier has taken the answer. */
export interface VpHolder {
  answer(link: string): Promise<void>
  stop(): Promise<void>
}

/**
 * A Custos node that took the bank's credential by OpenID4VCI, imported a trust list naming the lender's
 * did:key as a mortgage lender, and holds a standing policy for exactly the asked claims: a request is
 * read, checked, matched, evaluated, answered and recorded in the history, with no person asked.
 */
export async function custosVpHolder(dir: string, issuer: Issuer, lenderDid: string, asked: string[]) {
  const node = await startNode(path.join(dir, 'node'))
  const api = apiOf(node)
  const summary = await api['openid4vc.resolveOffer']({ offer: (await offerFrom(issuer, false)).credentialOffer })
  await api['openid4vc.acceptOffer']({ offer: summary.offer })
  const publisherKey = demoPrivateKey('bench openid4vp trust list publisher')
  const list = signTrustList(
    {
      type: 'CustosTrustList',
      version: 1,
      id: 'urn:bench:lenders',
      name: 'Bench lenders',
      publisher: didKeyOfPrivateKey(publisherKey),
      issued: new Date().toISOString(),
      entries: [{ did: lenderDid, name: 'Example Lender', roles: ['mortgage-lender'], purposes: [] }],
    },
    publisherKey,
  )
  await api['trustLists.import']({ document: JSON.stringify(list) })
  await api['consent.createPolicy']({
    name: 'Lenders may check my income',
    who: { kind: 'role', role: 'mortgage-lender' },
    what: [{ type: ACCOUNT_VCT, claims: asked }],
    why: ['dpv:CreditChecking'],
    when: {},
    action: 'share',
    beyond: 'ask',
  })
  return {
    async answer(link: string) {
      const answered = await api['openid4vc.resolveRequest']({ request: link })
      if (answered.state !== 'answered') throw new Error(`the policy did not answer: ${answered.state}`)
    },
    stop: () => node.close(),
  } satisfies VpHolder
}

/** The baseline: a plain Credo 0.6.3 holder that took the same credential and answers what Credo selects. */
export async function credoVpHolder(dir: string, issuer: Issuer) {
  const agent = await plainAgent(path.join(dir, 'credo'), 'holder', { openid4vc: new OpenId4VcModule() })
  const holder = agent.openid4vc.holder
  const resolved = await holder.resolveCredentialOffer((await offerFrom(issuer, false)).credentialOffer)
  const token = await holder.requestToken({ resolvedCredentialOffer: resolved })
  const { credentials } = await holder.requestCredentials({
    resolvedCredentialOffer: resolved,
    ...token,
    credentialBindingResolver: async ({ agentContext }) => {
      const key = await agentContext.resolve(Kms.KeyManagementApi).createKey({ type: { kty: 'OKP', crv: 'Ed25519' } })
      return { method: 'jwk', keys: [Kms.PublicJwk.fromPublicJwk(key.publicJwk)] }
    },
  })
  await agent.sdJwtVc.store({ record: credentials[0]?.record as SdJwtVcRecord })
  return {
    async answer(link: string) {
      const request = await holder.resolveOpenId4VpAuthorizationRequest(link)
      if (!request.dcql?.queryResult.can_be_satisfied) throw new Error('the plain holder cannot answer')
      const { serverResponse } = await holder.acceptOpenId4VpAuthorizationRequest({
        authorizationRequestPayload: request.authorizationRequestPayload,
        dcql: { credentials: holder.selectCredentialsForDcqlRequest(request.dcql.queryResult) },
      })
      if (serverResponse?.status !== 200) throw new Error(`the verifier answered ${serverResponse?.status}`)
    },
    stop: () => agent.shutdown(),
  } satisfies VpHolder
}
