import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually, type Companies } from '../../helpers/companies'
import {
  mortgagePolicy,
  startHolderBesideCompanies,
  startLender,
  type HolderBesideCompanies,
} from '../../helpers/consent'
import { apiOf } from '../../helpers/nodes'

/** The node's id of the proof request that arrived on `connectionId`, once it is there. */
async function requestOn(node: CustosNode, connectionId: string): Promise<string> {
  return eventually(async () => (await node.agent.didcomm.proofs.findAllByQuery({ connectionId }))[0]?.id)
}

describe('a requester using the name of one the person trusts', () => {
  let holder: HolderBesideCompanies
  let companies: Companies
  let node: CustosNode
  beforeAll(async () => {
    holder = await startHolderBesideCompanies(samplePerson(28))
    ;({ node, companies } = holder)
  })
  afterAll(() => holder.stop())

  it('gets its own warning that says the name belongs to another connection', async () => {
    const api = apiOf(node)
    const lender = companies.lender
    const trusted = await connectToCompany(node, lender)
    await api['consent.createPolicy'](mortgagePolicy(trusted.nodeConnectionId))

    // Same label as the lender the policy names, its own keys and connection.
    const impostor = await startLender(holder.dir, 'Lender')
    // A stranger with a name of its own: warned as untrusted, not as a look-alike.
    const stranger = await startLender(holder.dir, 'Some Other Lender')
    try {
      const fake = await connectToCompany(node, impostor)
      await impostor.ask(fake.companyConnectionId)
      const impostorWarnings = await api['consent.requestWarnings']({
        requestId: await requestOn(node, fake.nodeConnectionId),
      })
      const lookAlike = impostorWarnings.find((warning) => warning.kind === 'look-alike')
      expect(lookAlike?.message).toContain('"Lender"')
      expect(lookAlike?.message).toContain('not them')
      expect(impostorWarnings[0].kind).toBe('look-alike')

      const other = await connectToCompany(node, stranger)
      await stranger.ask(other.companyConnectionId)
      const strangerWarnings = await api['consent.requestWarnings']({
        requestId: await requestOn(node, other.nodeConnectionId),
      })
      expect(strangerWarnings.map((warning) => warning.kind)).toContain('untrusted-requester')
      expect(strangerWarnings.map((warning) => warning.kind)).not.toContain('look-alike')
    } finally {
      await impostor.stop()
      await stranger.stop()
    }
  })
})
