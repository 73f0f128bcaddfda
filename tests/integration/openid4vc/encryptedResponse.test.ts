import type { SdJwtVc } from '@credo-ts/core'
import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ASKED, LENDER_TERMS, lenderPolicy, listAsLender } from './lenderRequest'
import { ACCOUNT_CLAIMS, accountQuery, offerFrom, startIssuer, startVerifier } from './plainAgents'
import { readableWire } from './wire'

/** Every claim value of the account: none may be readable on the wire of an encrypted answer, asked or not. */
const ALL_VALUES = Object.values(ACCOUNT_CLAIMS).map(String)

/** A compact JWE (RFC 7516): five base64url parts, the first a protected header naming the key agreement. */
function jweHeader(body: Record<string, unknown>): Record<string, unknown> {
  const parts = String(body.response).split('.')
  expect(parts).toHaveLength(5)
  return JSON.parse(Buffer.from(parts[0], 'base64url').toString()) as Record<string, unknown>
}

/**
 * OpenID4VP 1.0 §8.3, response mode `direct_post.jwt`: a plain Credo 0.6.3 verifier names an encryption key
 * in its client metadata and the node answers with a JWE to it, by hand and by policy. The verifier
 * decrypts and verifies the answer; the wire carries the JWE alone, so no claim value is readable on it.
 */
describe('an encrypted answer (direct_post.jwt)', () => {
  const tmp = makeTmpDir('custos-oid4vp-jwe-')
  const wire: Record<string, unknown>[] = []
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let lender: Awaited<ReturnType<typeof startVerifier>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    lender = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    await api['openid4vc.acceptOffer']({ offer: (await offerFrom(issuer, false)).credentialOffer })
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await lender?.close()
    tmp.cleanup()
  })

  const encryptedRequest = (terms: boolean) =>
    lender.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: lender.verifier.verifierId,
      requestSigner: { method: 'did', didUrl: lender.didKey.kid },
      dcql: { query: accountQuery(ASKED) },
      verifierInfo: terms ? [LENDER_TERMS] : undefined,
      responseMode: 'direct_post.jwt',
      version: 'v1',
    })

  async function verified(sessionId: string) {
    const session = await lender.agent.openid4vc.verifier.getVerificationSessionById(sessionId)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { dcql } = await lender.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(sessionId)
    return (dcql?.presentations.account?.[0] as SdJwtVc).prettyClaims
  }

  function expectOnlyJweOnTheWire() {
    expect(wire).toHaveLength(1)
    expect(Object.keys(wire[0])).toEqual(['response'])
    expect(jweHeader(wire[0])).toMatchObject({ alg: 'ECDH-ES', enc: expect.stringMatching(/^A(128|256)GCM$/) })
    const sent = readableWire(wire)
    for (const value of ALL_VALUES) expect(sent).not.toContain(value)
  }

  it('answers by hand with a JWE the verifier decrypts and verifies, exactly the asked claims inside', async () => {
    const { authorizationRequest, verificationSession } = await encryptedRequest(false)
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(summary).toMatchObject({ state: 'waiting', satisfiable: true, verifier: { proved: true } })
    wire.length = 0
    const answer = await api['openid4vc.approveRequest']({ id: summary.id })
    expect(answer.state).toBe('answered')
    expectOnlyJweOnTheWire()
    const claims = await verified(verificationSession.id)
    expect(claims).toMatchObject({ family_name: 'Mustermann', monthly_income: 4200 })
    for (const unasked of ['iban', 'given_name', 'birthdate', 'employer']) expect(claims).not.toHaveProperty(unasked)
    // The history keeps what left in the clear for the person, though the wire carried it encrypted.
    const entry = (await api['disclosures.list'](undefined)).find((row) => row.id === answer.disclosureId)
    expect(entry?.credentials[0].claims.sort()).toEqual([...ASKED].sort())
  })

  it('answers by policy the same way once a trust list names the verifier', async () => {
    await listAsLender(api, lender.didKey.did)
    await lenderPolicy(api)
    const { authorizationRequest, verificationSession } = await encryptedRequest(true)
    wire.length = 0
    const answered = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(answered).toMatchObject({ state: 'answered', evaluation: { outcome: 'share' } })
    expectOnlyJweOnTheWire()
    expect(await verified(verificationSession.id)).toMatchObject({ family_name: 'Mustermann', monthly_income: 4200 })
    const history = await api['disclosures.list'](undefined)
    expect(history.find((row) => row.id === answered.disclosureId)).toMatchObject({ decidedBy: { kind: 'policy' } })
  })
})
