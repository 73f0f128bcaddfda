import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { EMPLOYMENT, LICENCE, MDL_DOCTYPE, startFormatsIssuer } from './formatsIssuer'

/**
 * Formats beside SD-JWT VC: a W3C VC signed as a JWT (`jwt_vc_json`) and an ISO mDL (`mso_mdoc`) from a
 * plain Credo 0.6.3 issuer over HTTP on 127.0.0.1, taken by pre-authorized code, kept in Credo's own
 * records and listed on My data with the issuer's names for them (presenting them: presentFormats.test.ts).
 */
describe('a Custos node takes jwt_vc_json and mso_mdoc credentials', () => {
  const tmp = makeTmpDir('custos-oid4vc-formats-')
  let issuer: Awaited<ReturnType<typeof startFormatsIssuer>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startFormatsIssuer(`${tmp.dir}/authority`)
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
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
})
