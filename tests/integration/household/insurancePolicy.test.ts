import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { INSURER_NAME, Issuer, offerHomePolicy, samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually } from '../../helpers/companies'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const [anna, ben] = [samplePerson(23), samplePerson(24)]

// Issue 23, the insurer: a plain Credo agent (the toolkit's Issuer) issues a home-insurance policy to a
// member; it is held with its provenance and is what My data lists and finds.
describe("the insurer's home-insurance policy credential", () => {
  const tmp = makeTmpDir()
  let insurer: Issuer
  let node: CustosNode

  beforeAll(async () => {
    insurer = await Issuer.start({ name: INSURER_NAME, dataDir: `${tmp.dir}/insurer`, port: await freePort() })
    node = await startNode(`${tmp.dir}/anna`, { label: 'anna', inbound: { port: await freePort() } })
  })
  afterAll(async () => {
    await node?.close()
    await insurer?.stop().catch(() => undefined)
    tmp.cleanup()
  })

  it('a member takes the policy and My data lists it with what it states, until when and from whom', async () => {
    const api = apiOf(node)
    const { nodeConnectionId, companyConnectionId } = await connectToCompany(node, insurer)
    const { claims } = await offerHomePolicy(insurer, companyConnectionId, anna, [ben], '2027-12-31')
    expect(claims).toMatchObject({
      policyHolder: anna.name,
      insuredAddress: anna.address,
      insuredMembers: [anna.name, ben.name],
      coveredUntil: '2027-12-31',
    })
    const offer = await eventually(async () => (await api['credentials.listOffers'](undefined))[0])
    expect(offer.types).toContain('HomeInsurancePolicyCredential')
    const held = await api['credentials.acceptOffer']({ id: offer.id })
    expect(held.claims).toEqual(claims)
    expect(held.provenance).toMatchObject({
      issuer: insurer.did,
      connectionId: nodeConnectionId,
      signature: { result: 'valid' },
      expiresAt: '2027-12-31T23:59:59Z',
    })

    const page = await api['credentials.page']({ limit: 50 })
    expect(page.items.map((item) => [item.id, item.types.at(-1)])).toEqual([[held.id, 'HomeInsurancePolicyCredential']])
    const found = await api['credentials.page']({ limit: 50, query: String(claims.policyNumber) })
    expect(found.items.map((item) => item.id)).toEqual([held.id])
    expect((await api['credentials.page']({ limit: 50, query: ben.name })).items).toHaveLength(1)
  })
})
