import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { EMPLOYMENT, LICENCE, MDL_DOCTYPE, MDL_NAMESPACE, startFormatsIssuer } from './formatsIssuer'
import { startVerifier } from './plainAgents'

/**
 * Formats beside SD-JWT VC: a W3C VC signed as a JWT (`jwt_vc_json`) and an ISO mDL (`mso_mdoc`) from a
 * plain Credo 0.6.3 issuer over HTTP on 127.0.0.1, taken by pre-authorized code, kept in Credo's own
 * records and listed on My data with the issuer's names for them (presenting them: presentFormats.test.ts).
 */
describe('a Custos node takes jwt_vc_json and mso_mdoc credentials', () => {
  const tmp = makeTmpDir('custos-oid4vc-formats-')
  let issuer: Awaited<ReturnType<typeof startFormatsIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  const wire: Record<string, unknown>[] = []
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startFormatsIssuer(`${tmp.dir}/authority`)
    verifier = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  it('takes a W3C VC signed as a JWT, bound to a new did:key, and lists it by its issuer name', async () => {
    const { credentialOffer } = await issuer.offer('employment')
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    expect(summary.credentials).toMatchObject([
      { format: 'jwt_vc_json', type: 'EmploymentCredential', name: 'Employment', supported: true },
    ])
    const [held] = await api['openid4vc.acceptOffer']({ offer: summary.offer })
    expect(held).toMatchObject({
      types: ['VerifiableCredential', 'EmploymentCredential'],
      claims: EMPLOYMENT,
      provenance: { format: 'jwt_vc_json', signature: { result: 'valid' } },
    })
    expect(held.display?.names).toContainEqual({ name: 'Beschäftigung', locale: 'de' })
    const listed = await api['credentials.list'](undefined)
    expect(listed.map((credential) => credential.id)).toContain(held.id)
    expect((await api['credentials.page']({ limit: 50 })).items.map((credential) => credential.id)).toContain(held.id)
    expect(await api['credentials.verify']({ id: held.id })).toMatchObject({
      provenance: { signature: { result: 'valid' } },
    })
  })

  it('takes an mDL under the issuer certificate it came with, and lists it', async () => {
    const { credentialOffer } = await issuer.offer('licence')
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    expect(summary.credentials).toMatchObject([{ format: 'mso_mdoc', type: MDL_DOCTYPE, supported: true }])
    const [held] = await api['openid4vc.acceptOffer']({ offer: summary.offer })
    expect(held).toMatchObject({
      types: [MDL_DOCTYPE],
      claims: LICENCE,
      provenance: {
        format: 'mso_mdoc',
        issuer: expect.stringContaining('Example Road Authority'),
        signature: { result: 'valid' },
        // Its certificate chain was taken as given: no trust list names the issuer, and the person is told.
        standing: { issuerIsConnection: false, listedBy: [] },
      },
    })
    expect(held.display?.names).toEqual([{ name: 'Driving licence', locale: 'en' }])
    expect((await api['credentials.page']({ limit: 50 })).items.map((credential) => credential.id)).toContain(held.id)
    expect(await api['credentials.verify']({ id: held.id })).toMatchObject({
      provenance: { signature: { result: 'valid' } },
    })
  })

  it('does not answer with an mdoc over Presentation Exchange (DCQL only): refused before anything leaves', async () => {
    // ISO 18013-7 asks the drafts' mdoc requests to be answered encrypted (Credo's verifier insists).
    const { authorizationRequest } = await verifier.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifier.verifierId,
      requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
      presentationExchange: {
        definition: {
          id: 'licence-check',
          input_descriptors: [
            {
              id: 'licence',
              format: { mso_mdoc: { alg: ['ES256'] } },
              constraints: {
                limit_disclosure: 'required',
                fields: [{ path: [`$['${MDL_NAMESPACE}']['family_name']`], intent_to_retain: false }],
              },
            },
          ],
        },
      },
      responseMode: 'direct_post.jwt',
      version: 'v1.draft24',
    })
    const history = (await api['disclosures.list'](undefined)).length
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(summary).toMatchObject({ satisfiable: false, missing: [{ descriptorId: 'licence' }] })
    await expect(api['openid4vc.approveRequest']({ id: summary.id })).rejects.toMatchObject({
      code: 'RequestNotSatisfiable',
    })
    expect(wire.filter((body) => body.vp_token || body.response)).toHaveLength(0)
    expect(await api['disclosures.list'](undefined)).toHaveLength(history)
  })
})
