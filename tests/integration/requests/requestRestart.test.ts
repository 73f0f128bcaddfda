import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { identityClaims, incomeClaims, samplePerson, type Issuer } from '../../../scripts/companies'
import { connectToCompany, eventually, startCompanies, type Companies } from '../../helpers/companies'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode, type TestNodeOptions } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

describe('proof requests survive a restart of the node', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let companies: Companies
  let node: CustosNode
  let options: TestNodeOptions
  beforeEach(async () => {
    tmp = makeTmpDir()
    companies = await startCompanies(`${tmp.dir}/companies`)
    options = { label: 'Alice', inbound: { port: await freePort() } }
    node = await startNode(`${tmp.dir}/node`, options)
  })
  afterEach(async () => {
    await node.close().catch(() => undefined)
    await companies.stop()
    tmp.cleanup()
  })

  async function hold(
    issuer: Issuer,
    kind: 'IdentityCredential' | 'IncomeCredential',
    claims: Record<string, unknown>,
  ) {
    const { companyConnectionId } = await connectToCompany(node, issuer)
    await issuer.offer(companyConnectionId, { kind, claims })
    const offer = await eventually(async () => (await apiOf(node)['credentials.listOffers'](undefined))[0])
    return apiOf(node)['credentials.acceptOffer']({ id: offer.id })
  }

  it('a request that arrived before the node stopped is listed after it started again and answered', async () => {
    const person = samplePerson(5)
    await hold(companies.registry, 'IdentityCredential', identityClaims(person))
    await hold(companies.employer, 'IncomeCredential', incomeClaims(person))
    const { companyConnectionId } = await connectToCompany(node, companies.lender)
    const proofId = await companies.lender.ask(companyConnectionId)
    const before = await eventually(async () => (await apiOf(node)['requests.list'](undefined))[0])

    await node.close()
    node = await startNode(`${tmp.dir}/node`, options)
    const api = apiOf(node)
    expect(await api['requests.list'](undefined)).toEqual([before])
    expect((await api['requests.propose']({ id: before.id })).satisfiable).toBe(true)
    const outcome = companies.lender.outcome(proofId)
    await api['requests.approve']({ id: before.id })
    const verified = await outcome
    expect(verified).toMatchObject({ state: 'verified' })
    expect(await api['requests.list'](undefined)).toEqual([])
  })
})
