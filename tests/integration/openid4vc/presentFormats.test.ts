import { type MdocDeviceResponse, W3cJwtVerifiablePresentation, type DcqlQuery } from '@credo-ts/core'
import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { didKeyOfPrivateKey, signTrustList } from '../../../electron/node/trustLists'
import { demoPrivateKey } from '../../../scripts/companies'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { EMPLOYMENT, LICENCE, MDL_DOCTYPE, MDL_NAMESPACE, startFormatsIssuer } from './formatsIssuer'
import { LENDER_TERMS } from './lenderRequest'
import { startVerifier } from './plainAgents'
import { readableWire } from './wire'

const licenceQuery = (elements: string[]): DcqlQuery => ({
  credentials: [
    {
      id: 'licence',
      format: 'mso_mdoc',
      meta: { doctype_value: MDL_DOCTYPE },
      claims: elements.map((element) => ({ path: [MDL_NAMESPACE, element], intent_to_retain: false })),
    },
  ],
})

const employmentQuery: DcqlQuery = {
  credentials: [
    {
      id: 'employment',
      format: 'jwt_vc_json',
      meta: { type_values: [['VerifiableCredential', 'EmploymentCredential']] },
      claims: [{ path: ['credentialSubject', 'employer'] }],
    },
  ],
}

/**
 * Answering OpenID4VP 1.0 DCQL requests with an ISO mDL (a DeviceResponse disclosing exactly the asked data
 * elements) and with a W3C VC signed as a JWT (presented whole, which the person is told), by hand and by
 * standing policy, to a plain Credo 0.6.3 verifier that checks the answers.
 */
describe('a Custos node presents mso_mdoc and jwt_vc_json credentials', () => {
  const tmp = makeTmpDir('custos-oid4vc-present-formats-')
  let issuer: Awaited<ReturnType<typeof startFormatsIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  const wire: Record<string, unknown>[] = []
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startFormatsIssuer(`${tmp.dir}/authority`)
    verifier = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    // The verifier checks the mDL's issuer signature under the road authority's certificate.
    verifier.agent.x509.config.addTrustedCertificate(issuer.certificate)
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    for (const configuration of ['licence', 'employment'] as const) {
      const summary = await api['openid4vc.resolveOffer']({
        offer: (await issuer.offer(configuration)).credentialOffer,
      })
      await api['openid4vc.acceptOffer']({ offer: summary.offer })
    }
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  const request = (query: DcqlQuery) =>
    verifier.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifier.verifierId,
      requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
      dcql: { query },
      verifierInfo: [LENDER_TERMS],
      responseMode: 'direct_post',
      version: 'v1',
    })

  /** The verifier's own check of the answer, and the presentation it read for one credential query. */
  async function verified(sessionId: string, queryId: string) {
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(sessionId)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(sessionId)
    return dcql?.presentations[queryId]?.[0]
  }

  it('answers an mDL request for two of its elements by hand: only those leave, the verifier accepts them', async () => {
    const { authorizationRequest, verificationSession } = await request(licenceQuery(['given_name', 'family_name']))
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(summary).toMatchObject({ state: 'waiting', satisfiable: true, missing: [] })
    expect(summary.items[0]).toMatchObject({ types: [MDL_DOCTYPE], claimsLeaving: { given_name: 'Erika' } })
    expect(Object.keys(summary.items[0].claimsLeaving).sort()).toEqual(['family_name', 'given_name'])
    expect(summary.items[0].claimsAsked.sort()).toEqual(['family_name', 'given_name'])
    expect(summary.warnings.map((warning) => warning.kind)).not.toContain('beyond-request')

    const historyBefore = (await api['disclosures.list'](undefined)).length
    wire.length = 0
    const answer = await api['openid4vc.approveRequest']({ id: summary.id })
    expect(answer.state).toBe('answered')
    const presented = (await verified(verificationSession.id, 'licence')) as MdocDeviceResponse
    expect(presented.documents[0].issuerSignedNamespaces).toEqual({
      [MDL_NAMESPACE]: { given_name: LICENCE.given_name, family_name: LICENCE.family_name },
    })
    const sent = readableWire(wire)
    expect(sent).toContain(LICENCE.family_name)
    expect(sent).not.toContain(LICENCE.document_number)

    const history = await api['disclosures.list'](undefined)
    expect(history).toHaveLength(historyBefore + 1)
    const entry = history.find((disclosure) => disclosure.id === answer.disclosureId)
    expect(entry).toMatchObject({ decidedBy: { kind: 'person' }, credentials: [{ types: [MDL_DOCTYPE] }] })
    expect(entry?.credentials[0].claims.sort()).toEqual(['family_name', 'given_name'])
    const [receipt] = await api['disclosures.receipts']({ id: entry!.id })
    expect(receipt.delivery.protocol).toBe('openid4vp/1.0')
  })

  it('lets a standing policy answer the proved verifier with the same two elements of the mDL', async () => {
    const publisherKey = demoPrivateKey('openid4vc mdoc trust list publisher')
    const trustList = signTrustList(
      {
        type: 'CustosTrustList',
        version: 1,
        id: 'urn:example:licence-checkers',
        name: 'Licence checkers',
        publisher: didKeyOfPrivateKey(publisherKey),
        issued: new Date().toISOString(),
        entries: [{ did: verifier.didKey.did, name: 'Example Lender', roles: ['licence-checker'], purposes: [] }],
      },
      publisherKey,
    )
    await api['trustLists.import']({ document: JSON.stringify(trustList) })
    const policy = await api['consent.createPolicy']({
      name: 'Lenders may see the name on my licence',
      who: { kind: 'role', role: 'licence-checker' },
      what: [{ type: MDL_DOCTYPE, claims: ['given_name', 'family_name'] }],
      why: ['dpv:CreditChecking'],
      when: {},
      action: 'share',
      beyond: 'ask',
    })
    wire.length = 0
    const { authorizationRequest, verificationSession } = await request(licenceQuery(['given_name', 'family_name']))
    const answered = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(answered).toMatchObject({
      state: 'answered',
      verifier: { proved: true, roles: ['licence-checker'] },
      evaluation: { outcome: 'share', decidedBy: { policyId: policy.id } },
    })
    const presented = (await verified(verificationSession.id, 'licence')) as MdocDeviceResponse
    expect(Object.keys(presented.documents[0].issuerSignedNamespaces[MDL_NAMESPACE]).sort()).toEqual([
      'family_name',
      'given_name',
    ])
    expect(readableWire(wire)).not.toContain(LICENCE.document_number)
    const entry = (await api['disclosures.list'](undefined)).find((item) => item.id === answered.disclosureId)
    expect(entry).toMatchObject({
      decidedBy: { kind: 'policy', policyId: policy.id },
      purposeIds: ['dpv:CreditChecking'],
    })
    expect(entry?.credentials[0].claims.sort()).toEqual(['family_name', 'given_name'])
  })

  it('answers a JWT VC request whole, and the person is told every claim of it leaves', async () => {
    const { authorizationRequest, verificationSession } = await request(employmentQuery)
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(summary).toMatchObject({ state: 'waiting', satisfiable: true })
    expect(summary.items[0]).toMatchObject({ claimsLeaving: EMPLOYMENT, claimsAsked: ['employer'] })
    expect(summary.warnings).toContainEqual(
      expect.objectContaining({ kind: 'beyond-request', claims: ['employedSince'] }),
    )
    const answer = await api['openid4vc.approveRequest']({ id: summary.id })
    const presented = (await verified(verificationSession.id, 'employment')) as W3cJwtVerifiablePresentation
    expect(presented).toBeInstanceOf(W3cJwtVerifiablePresentation)
    const entry = (await api['disclosures.list'](undefined)).find((item) => item.id === answer.disclosureId)
    expect(entry?.credentials[0].claims.sort()).toEqual(['employedSince', 'employer'])
  })

  it('never sends an answer to a request for an element the mDL does not hold, and says which', async () => {
    const { authorizationRequest, verificationSession } = await request(licenceQuery(['family_name', 'portrait']))
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(summary).toMatchObject({ satisfiable: false, missing: [{ descriptorId: 'licence' }] })
    const history = (await api['disclosures.list'](undefined)).length
    wire.length = 0
    await expect(api['openid4vc.approveRequest']({ id: summary.id })).rejects.toMatchObject({
      code: 'RequestNotSatisfiable',
      message: expect.stringContaining('what you hold has no portrait'),
    })
    expect(wire.filter((body) => body.vp_token)).toHaveLength(0)
    expect(await api['disclosures.list'](undefined)).toHaveLength(history)
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).not.toBe(OpenId4VcVerificationSessionState.ResponseVerified)
  })
})
