import type { DcqlQuery, MdocDeviceResponse } from '@credo-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { LICENCE, MDL_DOCTYPE, MDL_NAMESPACE, startFormatsIssuer } from './formatsIssuer'
import { startVerifier } from './plainAgents'
import { readableWire } from './wire'

/** The mDL's document number, or else its given name: two claim sets, the first preferred (OpenID4VP 1.0 §6.4.1). */
const query: DcqlQuery = {
  credentials: [
    {
      id: 'licence',
      format: 'mso_mdoc',
      meta: { doctype_value: MDL_DOCTYPE },
      claims: [
        { id: 'number', path: [MDL_NAMESPACE, 'document_number'], intent_to_retain: false },
        { id: 'given', path: [MDL_NAMESPACE, 'given_name'], intent_to_retain: false },
      ],
      claim_sets: [['number'], ['given']],
    },
  ],
}

/**
 * The person chooses which held mDL answers and which of the query's claim sets it discloses; the choice is
 * what leaves (one data element), and the verifier accepts it.
 */
describe('the person chooses the mdoc and the claim set that answer', () => {
  const tmp = makeTmpDir('custos-oid4vc-mdoc-choice-')
  let issuer: Awaited<ReturnType<typeof startFormatsIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  const wire: Record<string, unknown>[] = []
  let node: CustosNode
  let api: ReturnType<typeof apiOf>
  const held: string[] = []

  beforeAll(async () => {
    issuer = await startFormatsIssuer(`${tmp.dir}/authority`)
    verifier = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    verifier.agent.x509.config.addTrustedCertificate(issuer.certificate)
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    for (let i = 0; i < 2; i++) {
      const summary = await api['openid4vc.resolveOffer']({ offer: (await issuer.offer('licence')).credentialOffer })
      held.push((await api['openid4vc.acceptOffer']({ offer: summary.offer }))[0].id)
    }
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  it('offers both mDLs and both claim sets, and sends the chosen one with the given name only', async () => {
    const { authorizationRequest, verificationSession } =
      await verifier.agent.openid4vc.verifier.createAuthorizationRequest({
        verifierId: verifier.verifier.verifierId,
        requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
        dcql: { query },
        responseMode: 'direct_post',
        version: 'v1',
      })
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    // Proposed: the first claim set, the document number alone.
    expect(Object.keys(summary.items[0].claimsLeaving)).toEqual(['document_number'])
    const [choice] = summary.choices
    expect([...choice.candidates].sort()).toEqual([...held].sort())
    expect(choice.claimSets.map((set) => set.claims)).toEqual([['document_number'], ['given_name']])

    const other = choice.candidates[1]
    wire.length = 0
    const answer = await api['openid4vc.approveRequest']({
      id: summary.id,
      choose: { licence: other },
      claimSets: { licence: 1 },
    })
    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(verificationSession.id)
    const presented = dcql?.presentations.licence?.[0] as MdocDeviceResponse
    expect(presented.documents[0].issuerSignedNamespaces).toEqual({
      [MDL_NAMESPACE]: { given_name: LICENCE.given_name },
    })
    const sent = readableWire(wire)
    expect(sent).toContain(LICENCE.given_name)
    expect(sent).not.toContain(LICENCE.document_number)
    expect(sent).not.toContain(LICENCE.family_name)
    const entry = (await api['disclosures.list'](undefined)).find((item) => item.id === answer.disclosureId)
    expect(entry?.credentials).toMatchObject([{ credentialId: other, claims: ['given_name'] }])
  })
})
