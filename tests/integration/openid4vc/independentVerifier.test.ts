import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { startIndependentVerifier } from './independentVerifier'
import { ASKED, LENDER_TERMS, lenderPolicy, listAsLender } from './lenderRequest'
import { accountQuery, offerFrom, startIssuer, UNASKED_ACCOUNT_VALUES } from './plainAgents'
import { readableWire } from './wire'

/**
 * A second implementation on the verifier side: an OpenID4VP 1.0 verifier written in the test from the
 * specifications with node:crypto alone (independentVerifier.ts), so neither side's checks come from the
 * same library. A whole node answers its signed DCQL request by hand and by policy; the verifier checks
 * the SD-JWT VC itself (issuer signature, disclosure digests, key binding nonce, audience and sd_hash).
 */
describe('an OpenID4VP verifier not built on Credo or @openid4vc', () => {
  const tmp = makeTmpDir('custos-oid4vp-independent-')
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let verifier: Awaited<ReturnType<typeof startIndependentVerifier>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    verifier = await startIndependentVerifier('Independent Lender')
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    await api['openid4vc.acceptOffer']({ offer: (await offerFrom(issuer, false)).credentialOffer })
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  it('answers by hand: the verifier checks the presentation and gets exactly the asked claims', async () => {
    const { link, state } = verifier.ask(accountQuery(ASKED))
    const summary = await api['openid4vc.resolveRequest']({ request: link })
    expect(summary.verifier).toMatchObject({
      clientId: verifier.clientId,
      proved: true,
      statedName: 'Independent Lender',
      roles: [],
    })
    expect(summary.state).toBe('waiting')
    await api['openid4vc.approveRequest']({ id: summary.id })
    expect(verifier.refused.get(state)).toBeUndefined()
    const [presented] = verifier.accepted.get(state)!.account
    expect(presented.claims).toEqual({ family_name: 'Mustermann', monthly_income: 4200 })
    const sent = readableWire(verifier.bodies)
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)

    // The verifier's checks bite: the same answer posted for another request fails its key binding.
    const other = verifier.ask(accountQuery(ASKED))
    const replay = new URLSearchParams({ vp_token: String(verifier.bodies[0].vp_token), state: other.state })
    const response = await fetch(
      `${new URL(decodeURIComponent(other.link.split('request_uri=')[1])).origin}/response`,
      {
        method: 'POST',
        body: replay,
      },
    )
    expect(response.status).toBe(400)
    expect(verifier.refused.get(other.state)).toContain('another nonce')
  })

  it.each([['A128GCM'], ['A256GCM']])(
    'answers a request for an encrypted answer (direct_post.jwt, %s) with a JWE the verifier decrypts itself',
    async (enc) => {
      verifier.bodies.length = 0
      const { link, state } = verifier.ask(accountQuery(ASKED), undefined, [enc])
      const summary = await api['openid4vc.resolveRequest']({ request: link })
      await api['openid4vc.approveRequest']({ id: summary.id })
      expect(verifier.refused.get(state)).toBeUndefined()
      expect(verifier.jweHeaders.get(state)).toMatchObject({ alg: 'ECDH-ES', enc })
      const [presented] = verifier.accepted.get(state)!.account
      expect(presented.claims).toEqual({ family_name: 'Mustermann', monthly_income: 4200 })
      expect(Object.keys(verifier.bodies[0])).toEqual(['response'])
      const sent = readableWire(verifier.bodies)
      for (const value of ['Mustermann', ...UNASKED_ACCOUNT_VALUES]) expect(sent).not.toContain(value)
    },
  )

  it('answers by policy once a trust list gives its did:key a role the policy names', async () => {
    await listAsLender(api, verifier.did, 'Independent Lender')
    await lenderPolicy(api)
    verifier.bodies.length = 0
    const { link, state } = verifier.ask(accountQuery(ASKED), [LENDER_TERMS])
    const answered = await api['openid4vc.resolveRequest']({ request: link })
    expect(answered).toMatchObject({ state: 'answered', verifier: { roles: ['mortgage-lender'] } })
    expect(verifier.accepted.get(state)!.account[0].claims).toEqual({ family_name: 'Mustermann', monthly_income: 4200 })
    const sent = readableWire(verifier.bodies)
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)
    expect(await api['disclosures.list']()).toHaveLength(4)
  })
})
