import type { SdJwtVc } from '@credo-ts/core'
import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ASKED, lenderPolicy, listAsLender } from './lenderRequest'
import { accountDefinition, pexRequest } from './pexRequests'
import { offerFrom, startIssuer, startVerifier, UNASKED_ACCOUNT_VALUES } from './plainAgents'
import { readableWire } from './wire'

/**
 * A whole Custos node answers a Presentation Exchange request by a standing policy, as it answers a DCQL
 * one: the verifier's did:key is in an imported trust list, the policy names its role, the definition's
 * purpose states the terms. Against a plain Credo 0.6.3 verifier over HTTP on 127.0.0.1.
 */
describe('a Presentation Exchange request answered by policy', () => {
  const tmp = makeTmpDir('custos-oid4vp-pex-policy-')
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
    await listAsLender(api, lender.didKey.did)
    await lenderPolicy(api)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await lender?.close()
    tmp.cleanup()
  })

  it('answers at once with exactly the asked claims; the verifier verifies them; the history names the policy', async () => {
    const { authorizationRequest, verificationSession } = await pexRequest(lender, accountDefinition(ASKED))
    wire.length = 0
    const answered = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(answered).toMatchObject({ state: 'answered', evaluation: { outcome: 'share' } })
    expect(answered.verifier).toMatchObject({ proved: true, roles: ['mortgage-lender'] })

    const session = await lender.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { presentationExchange } = await lender.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(
      verificationSession.id,
    )
    const claims = (presentationExchange?.presentations[0] as SdJwtVc).prettyClaims
    expect(claims).toMatchObject({ family_name: 'Mustermann', monthly_income: 4200 })
    expect(claims).not.toHaveProperty('iban')
    const sent = readableWire(wire)
    expect(sent).toContain('Mustermann')
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)

    const history = await api['disclosures.list']()
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ id: answered.disclosureId, decidedBy: { kind: 'policy' } })
  })

  it('asks the person when the definition asks beyond the policy, sending nothing', async () => {
    const { authorizationRequest } = await pexRequest(lender, accountDefinition([...ASKED, 'iban']))
    wire.length = 0
    const waiting = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(waiting.state).toBe('waiting')
    expect(waiting.evaluation?.outcome).not.toBe('share')
    expect(wire).toHaveLength(0)
    expect(await api['disclosures.list']()).toHaveLength(1)
  })
})
