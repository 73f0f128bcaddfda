import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { DisclosureEventTypes, type DisclosureChangedEvent } from '../../../electron/node/disclosures/DisclosuresEvents'
import { disclosures } from '../../../electron/node/disclosures/disclosureTables'
import { ANSWER_RECORDER, type AnswerRecorder } from '../../../electron/node/requests'
import { samplePerson } from '../../../scripts/companies'
import { connectToCompany, eventually, type Companies } from '../../helpers/companies'
import { startHolderBesideCompanies, type HolderBesideCompanies } from '../../helpers/consent'
import { apiOf, PASS } from '../../helpers/nodes'

// The answer path writes the history entry before the answer leaves and completes it after, so a stop
// at any point leaves a true record. The requester is a plain Credo lender on 127.0.0.1.
describe('the history entry of an answer is written before the answer leaves', () => {
  let holder: HolderBesideCompanies
  let companies: Companies
  let node: CustosNode
  beforeEach(async () => {
    holder = await startHolderBesideCompanies(samplePerson(21))
    ;({ node, companies } = holder)
  })
  afterEach(() => holder.stop())

  async function askedByLender() {
    const { companyConnectionId } = await connectToCompany(node, companies.lender)
    await companies.lender.ask(companyConnectionId)
    const request = await eventually(async () => (await apiOf(node)['requests.list'](undefined))[0])
    return { request, companyConnectionId }
  }

  it('is pending while the answer leaves and sent once it left', async () => {
    const { request } = await askedByLender()
    const seen: Array<{ change: string; delivery: string }> = []
    const listener = ({ payload }: DisclosureChangedEvent) => {
      seen.push({ change: payload.change, delivery: payload.disclosure.delivery })
    }
    node.agent.events.on(DisclosureEventTypes.DisclosureChanged, listener)
    await apiOf(node)['requests.approve']({ id: request.id })
    node.agent.events.off(DisclosureEventTypes.DisclosureChanged, listener)
    expect(seen.slice(0, 2)).toEqual([
      { change: 'recorded', delivery: 'pending' },
      { change: 'delivery', delivery: 'sent' },
    ])
    const [entry] = await apiOf(node)['disclosures.list'](undefined)
    expect(entry).toMatchObject({ requestId: request.id, delivery: 'sent' })
  })

  it('says "not sent" with the reason when the requester cannot be reached', async () => {
    const { request } = await askedByLender()
    await companies.lender.stop()
    await expect(apiOf(node)['requests.approve']({ id: request.id })).rejects.toMatchObject({
      code: 'PeerUnreachable',
    })
    const [entry] = await apiOf(node)['disclosures.list'](undefined)
    expect(entry).toMatchObject({ requestId: request.id, delivery: 'not-sent' })
    expect(entry.deliveryNote).toBeTruthy()
  })

  it('settles what a stop left pending when the node opens again: not sent, or perhaps received', async () => {
    // Stopped after the entry was written and before the answer left: the request is still open.
    const { request: open, companyConnectionId } = await askedByLender()
    const recorder = node.agent.dependencyManager.resolve<AnswerRecorder>(ANSWER_RECORDER)
    const proposal = await apiOf(node)['requests.propose']({ id: open.id })
    const claimsLeft = Object.fromEntries(
      proposal.items.flatMap((item) =>
        item.credentialId ? [[item.credentialId, Object.keys(item.claimsLeaving)]] : [],
      ),
    )
    const entryId = await recorder.beforeSending(node.agent.context, open.id, claimsLeft)
    // And one that was sent, caught by the stop before its entry was completed.
    await companies.lender.ask(companyConnectionId)
    const sent = await eventually(async () =>
      (await apiOf(node)['requests.list'](undefined)).find((request) => request.id !== open.id),
    )
    await apiOf(node)['requests.approve']({ id: sent.id })
    node.appDb().update(disclosures).set({ delivery: 'pending' }).where(eq(disclosures.requestId, sent.id)).run()

    await node.lock()
    await node.unlock(PASS)
    const entries = await apiOf(node)['disclosures.list'](undefined)
    expect(entries.find((entry) => entry.id === entryId)).toMatchObject({ delivery: 'not-sent' })
    expect(entries.find((entry) => entry.requestId === sent.id)).toMatchObject({ delivery: 'uncertain' })
    expect(entries.filter((entry) => entry.delivery === 'pending')).toEqual([])
  })
})
