import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { startIndependentIssuer } from './independentIssuer/issuer'

// An issuer of the EU's high-assurance profile wants each proof to carry a key attestation from a
// certified wallet's provider. Custos has none to give: the person is told so before anything is sent.
describe('an issuer that demands a key attestation', () => {
  const tmp = makeTmpDir('custos-oid4vci-attestation-')
  let issuer: Awaited<ReturnType<typeof startIndependentIssuer>>
  let node: CustosNode

  beforeAll(async () => {
    issuer = await startIndependentIssuer('Attesting Registry', { keyAttestation: true })
    node = await startNode(`${tmp.dir}/node`)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    tmp.cleanup()
  })

  it('is refused in words: no proof leaves, nothing is issued or stored', async () => {
    const api = apiOf(node)
    const summary = await api['openid4vc.resolveOffer']({
      offer: issuer.offer({ txCode: false, byReference: false }).link,
    })
    expect(summary.issuer).toMatchObject({ name: 'Attesting Registry' })
    // The card says so before the person asks for it.
    expect(summary.credentials).toMatchObject([
      { configurationId: 'residence', supported: false, unsupportedBecause: 'attestation' },
    ])
    await expect(api['openid4vc.acceptOffer']({ offer: summary.offer })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining('key or wallet attestation'),
    })
    expect(issuer.proofsTaken).toHaveLength(0)
    expect(issuer.issued).toHaveLength(0)
    expect(await api['credentials.list'](undefined)).toHaveLength(0)
  })
})
