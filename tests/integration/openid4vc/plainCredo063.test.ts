import { Kms, SdJwtVcRecord, type DcqlQuery, type SdJwtVc } from '@credo-ts/core'
import { OpenId4VcModule, OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeTmpDir } from '../../helpers/tmpDir'
import { ACCOUNT_CLAIMS, ACCOUNT_VCT, plainAgent, startIssuer, startVerifier } from './plainAgents'

/**
 * What Credo 0.6.3 itself does, with no Custos code: a plain holder takes a dc+sd-jwt credential from
 * Credo's issuer by pre-authorized code (with and without a transaction code) and answers Credo's
 * verifier's DCQL request, all over HTTP on 127.0.0.1. The node's own tests build on what this shows.
 */
describe('plain Credo 0.6.3: OpenID4VCI 1.0 and OpenID4VP 1.0 over 127.0.0.1', () => {
  const tmp = makeTmpDir('custos-oid4vc-plain-')
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  let holder: Awaited<ReturnType<typeof plainAgent<{ openid4vc: OpenId4VcModule }>>>

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/issuer`)
    verifier = await startVerifier(`${tmp.dir}/verifier`)
    holder = await plainAgent(`${tmp.dir}/holder`, 'holder', { openid4vc: new OpenId4VcModule() })
  })

  afterAll(async () => {
    await holder?.shutdown()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  async function receive(txCode: boolean): Promise<SdJwtVcRecord> {
    const { credentialOffer, issuanceSession } = await issuer.agent.openid4vc.issuer.createCredentialOffer({
      issuerId: issuer.issuer.issuerId,
      credentialConfigurationIds: ['account'],
      preAuthorizedCodeFlowConfig: txCode
        ? { txCode: { input_mode: 'numeric', length: 6, description: 'The code in your bank letter' } }
        : {},
      version: 'v1',
    })
    const resolved = await holder.openid4vc.holder.resolveCredentialOffer(credentialOffer)
    expect(resolved.metadata.credentialIssuer.display?.[0]?.name).toBe('Example Bank')
    const token = await holder.openid4vc.holder.requestToken({
      resolvedCredentialOffer: resolved,
      txCode: txCode ? issuanceSession.userPin : undefined,
    })
    const response = await holder.openid4vc.holder.requestCredentials({
      resolvedCredentialOffer: resolved,
      ...token,
      credentialBindingResolver: async ({ agentContext }) => {
        const key = await agentContext.resolve(Kms.KeyManagementApi).createKey({ type: { kty: 'OKP', crv: 'Ed25519' } })
        return { method: 'jwk', keys: [Kms.PublicJwk.fromPublicJwk(key.publicJwk)] }
      },
    })
    const record = response.credentials[0]?.record
    expect(record).toBeInstanceOf(SdJwtVcRecord)
    await holder.sdJwtVc.store({ record: record as SdJwtVcRecord })
    return record as SdJwtVcRecord
  }

  it('takes an offer without a transaction code, and one with', async () => {
    const plain = await receive(false)
    expect(plain.firstCredential.prettyClaims.iban).toBe(ACCOUNT_CLAIMS.iban)
    const coded = await receive(true)
    expect(coded.firstCredential.payload.vct).toBe(ACCOUNT_VCT)
    expect(await holder.sdJwtVc.getAll()).toHaveLength(2)
  })

  it('answers a DCQL request for 2 of 6 claims, and the verifier checks it', async () => {
    const dcqlQuery = {
      credentials: [
        {
          id: 'account',
          format: 'dc+sd-jwt',
          meta: { vct_values: [ACCOUNT_VCT] },
          claims: [{ path: ['family_name'] }, { path: ['monthly_income'] }],
        },
      ],
    } satisfies DcqlQuery
    const { authorizationRequest, verificationSession } =
      await verifier.agent.openid4vc.verifier.createAuthorizationRequest({
        verifierId: verifier.verifier.verifierId,
        requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
        dcql: { query: dcqlQuery },
        responseMode: 'direct_post',
        version: 'v1',
      })
    const resolved = await holder.openid4vc.holder.resolveOpenId4VpAuthorizationRequest(authorizationRequest)
    expect(resolved.dcql?.queryResult.can_be_satisfied).toBe(true)
    const credentials = holder.openid4vc.holder.selectCredentialsForDcqlRequest(resolved.dcql!.queryResult)
    const { serverResponse } = await holder.openid4vc.holder.acceptOpenId4VpAuthorizationRequest({
      authorizationRequestPayload: resolved.authorizationRequestPayload,
      dcql: { credentials },
    })
    expect(serverResponse?.status).toBe(200)
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(verificationSession.id)
    const presented = dcql?.presentations.account?.[0] as SdJwtVc
    expect(presented.prettyClaims.family_name).toBe('Mustermann')
    expect(presented.prettyClaims).not.toHaveProperty('iban')
    expect(presented.prettyClaims).not.toHaveProperty('birthdate')
  })
})
