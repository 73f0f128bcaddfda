import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { RESIDENCE_CLAIMS, RESIDENCE_VCT, startIndependentIssuer } from './independentIssuer/issuer'
import { startIndependentVerifier } from './independentVerifier'
import { readableWire } from './wire'

const ASKED = ['family_name', 'locality']
const residenceQuery = {
  credentials: [
    {
      id: 'residence',
      format: 'dc+sd-jwt',
      meta: { vct_values: [RESIDENCE_VCT] },
      claims: ASKED.map((claim) => ({ path: [claim] })),
    },
  ],
}

/**
 * A second implementation on the issuer side: an OpenID4VCI 1.0 issuer written in the test from the
 * specifications with node:crypto and node:http alone (independentIssuer/: offers by value and by reference,
 * pre-authorized code with a transaction code, nonce endpoint, proof JWT checks, an SD-JWT VC written by
 * hand under a did:jwk). A whole node takes its offers and answers the independent verifier with the result.
 */
describe('an OpenID4VCI issuer not built on Credo or @openid4vc', () => {
  const tmp = makeTmpDir('custos-oid4vci-independent-')
  let issuer: Awaited<ReturnType<typeof startIndependentIssuer>>
  let verifier: Awaited<ReturnType<typeof startIndependentVerifier>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startIndependentIssuer('Independent Registry')
    verifier = await startIndependentVerifier('Independent Lender')
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  it('takes an offer by reference with its transaction code; a wrong code is refused in words, nothing stored', async () => {
    const { link, txCode } = issuer.offer({ txCode: true, byReference: true })
    const summary = await api['openid4vc.resolveOffer']({ offer: link })
    expect(summary.issuer).toMatchObject({ name: 'Independent Registry', url: issuer.baseUrl })
    expect(summary.credentials).toMatchObject([
      { configurationId: 'residence', format: 'dc+sd-jwt', type: RESIDENCE_VCT, supported: true },
    ])
    expect(summary.txCode).toEqual({ description: 'The code in our letter', length: 6, inputMode: 'numeric' })

    const wrong = txCode === '123456' ? '654321' : '123456'
    await expect(api['openid4vc.acceptOffer']({ offer: summary.offer, txCode: wrong })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('did not accept the code'),
    })
    expect(issuer.tokenRequests.at(-1)).toEqual({ status: 400 })
    expect(issuer.issued).toHaveLength(0)
    expect(await api['credentials.list'](undefined)).toHaveLength(0)

    const [held] = await api['openid4vc.acceptOffer']({ offer: summary.offer, txCode })
    expect(held.claims).toMatchObject(RESIDENCE_CLAIMS)
    expect(issuer.issued).toHaveLength(1)
    const listed = await api['credentials.list'](undefined)
    expect(listed.map((credential) => credential.id)).toEqual([held.id])
  })

  it('takes an offer by value without a transaction code', async () => {
    const { link } = issuer.offer({ txCode: false, byReference: false })
    const summary = await api['openid4vc.resolveOffer']({ offer: link })
    expect(summary.txCode).toBeUndefined()
    const taken = await api['openid4vc.acceptOffer']({ offer: summary.offer })
    expect(taken).toHaveLength(1)
    expect(await api['credentials.list'](undefined)).toHaveLength(2)

    // The issuer's checks bite: the node's proof, replayed with a fresh token, carries a used nonce.
    const code = new URLSearchParams(issuer.offer({ txCode: false, byReference: false }).link.split('?')[1])
    const grant = Object.values(
      (JSON.parse(code.get('credential_offer')!) as { grants: Record<string, { 'pre-authorized_code': string }> })
        .grants,
    )[0]
    const tokenResponse = await fetch(`${issuer.baseUrl}/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:pre-authorized_code',
        'pre-authorized_code': grant['pre-authorized_code'],
      }),
    })
    const { access_token: accessToken } = (await tokenResponse.json()) as { access_token: string }
    const replay = await fetch(`${issuer.baseUrl}/credential`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ credential_configuration_id: 'residence', proofs: { jwt: [issuer.proofsTaken[0]] } }),
    })
    expect(replay.status).toBe(400)
    expect(await replay.json()).toMatchObject({ error: 'invalid_nonce' })
  })

  it('answers the independent verifier with the issued credential: exactly the asked claims, verified', async () => {
    verifier.bodies.length = 0
    const { link, state } = verifier.ask(residenceQuery)
    const summary = await api['openid4vc.resolveRequest']({ request: link })
    expect(summary).toMatchObject({ state: 'waiting', satisfiable: true })
    await api['openid4vc.approveRequest']({ id: summary.id })
    expect(verifier.refused.get(state)).toBeUndefined()
    const [presented] = verifier.accepted.get(state)!.residence
    expect(presented).toEqual({
      issuer: issuer.did,
      claims: { family_name: RESIDENCE_CLAIMS.family_name, locality: RESIDENCE_CLAIMS.locality },
    })
    const sent = readableWire(verifier.bodies)
    for (const unasked of ['given_name', 'birthdate', 'street_address', 'postal_code'] as const) {
      expect(sent).not.toContain(RESIDENCE_CLAIMS[unasked])
    }
  })
})
