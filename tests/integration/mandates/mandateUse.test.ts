import { randomUUID } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { sendOnConnection } from '../../../electron/node/connections'
import { MandateGrantMessage } from '../../../electron/node/mandates'
import { startLender } from '../../helpers/consent'
import { connectToCompany } from '../../helpers/companies'
import { apiOf, connect } from '../../helpers/nodes'
import {
  askOn,
  mortgageScope,
  nextConsidered,
  nextRefusal,
  personValues,
  sendDecision,
  startMandateHousehold,
  waitingRequestIds,
  type MandateHousehold,
} from './mandateHousehold'

// Issue 23, acting for a member: Anna gives Ben a mandate for the lender's mortgage requests, at most three
// answers a day. The lender is a plain Credo agent; Ben's node is reached through the household node.
describe('a mandate used, exceeded, forged and replayed', () => {
  let h: MandateHousehold
  let mandateId: string
  let strangerToAnna: string
  const anna = () => apiOf(h.anna)
  const ben = () => apiOf(h.ben)
  const items = ['identity', 'income']

  beforeAll(async () => {
    h = await startMandateHousehold()
    // A node Anna knows that is no member: the household node itself, over a connection of its own.
    strangerToAnna = (await connect(h.anna, h.household)).inviteeConnection.id
  }, 240_000)
  afterAll(() => h?.stop())

  it('refuses a mandate for or from someone who is not a member; nothing is given or kept', async () => {
    const scope = mortgageScope(h.annaToLender)
    await expect(
      anna()['mandates.give']({ delegateConnectionId: h.annaToLender, name: 'Lender', scope }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: /member of your household/ })
    const refused = nextRefusal(h.household)
    const forged = { id: randomUUID(), name: 'Forged', scope }
    await sendOnConnection(h.household.agent.context, strangerToAnna, new MandateGrantMessage({ mandate: forged }))
    expect(await refused).toMatch(/Only a member of the household can give a mandate/)
    expect(await anna()['mandates.list'](undefined)).toEqual([])
  })

  it('puts a covered request to the delegate, who approves; it is shared and recorded as approved under the mandate', async () => {
    const scope = mortgageScope(h.annaToLender, { maxAnswers: 3, period: 'P1D' })
    const given = await anna()['mandates.give']({ delegateConnectionId: h.annaToBen, name: 'Mortgage', scope })
    mandateId = given.id
    expect(given).toMatchObject({ role: 'grantor', status: 'active', otherLabel: 'Ben', requesterLabel: 'Lender' })
    await expect
      .poll(async () => (await ben()['mandates.list'](undefined))[0], { timeout: 60_000 })
      .toMatchObject({
        id: mandateId,
        role: 'delegate',
        otherLabel: 'Alice',
        requesterLabel: 'Lender',
        scope,
      })

    const considered = nextConsidered(h.anna)
    const proofId = await h.lender.ask(h.lenderToAnna)
    const [{ askId, requestId, mandateId: putUnder }] = await considered
    expect(putUnder).toBe(mandateId)
    const ask = await askOn(h.ben, askId!, 'waiting')
    expect(ask).toMatchObject({ role: 'delegate', requester: 'Lender', purpose: expect.stringMatching(/mortgage/i) })
    expect(ask.items.map((item) => item.descriptorId)).toEqual(items)
    // What is asked reaches the delegate, never the person's data.
    const seen = JSON.stringify(await ben()['mandates.asks'](undefined))
    for (const value of personValues()) expect(seen).not.toContain(value)

    const outcome = h.lender.outcome(proofId, 60_000)
    expect(await ben()['mandates.decide']({ askId: askId!, approve: true })).toMatchObject({ state: 'approved' })
    expect((await outcome).state).toBe('verified')
    expect(await askOn(h.ben, askId!, 'done')).toMatchObject({ note: expect.stringMatching(/Shared/) })
    expect(await askOn(h.anna, askId!, 'done')).toMatchObject({ requestId })
    const history = await anna()['disclosures.list'](undefined)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ requestId, onBehalf: { mandateId, delegate: 'Ben' }, recipient: 'Lender' })
    expect(await waitingRequestIds(h.anna)).toEqual([])
  })

  it('refuses a replayed decision: nothing leaves a second time', async () => {
    const [done] = (await anna()['mandates.asks'](undefined)).filter((a) => a.state === 'done')
    const refused = nextRefusal(h.ben)
    await sendDecision(h.ben, h.benToAnna, { askId: done.id, mandateId, items })
    expect(await refused).toMatch(/decided already/)
    expect(await anna()['disclosures.list'](undefined)).toHaveLength(1)
    expect((await ben()['mandates.asks'](undefined)).find((a) => a.id === done.id)?.state).toBe('done')
  })

  it('refuses forged decisions (another connection, a mandate that does not exist, more data than was put)', async () => {
    const considered = nextConsidered(h.anna)
    const proofId = await h.lender.ask(h.lenderToAnna)
    const [{ askId, requestId }] = await considered
    await askOn(h.ben, askId!, 'waiting')
    const strangerHears = nextRefusal(h.household)
    await sendDecision(h.household, strangerToAnna, { askId: askId!, mandateId, items })
    expect(await strangerHears).toMatch(/did not come from the member who holds the mandate/)
    for (const [forged, sentence] of [
      [{ askId: askId!, mandateId: randomUUID(), items }, /No mandate of this person has that id/],
      [{ askId: askId!, mandateId, items: [...items, 'statement-2026-10'] }, /other data than was put to you/],
      [{ askId: randomUUID(), mandateId, items }, /No such request was put to you/],
    ] as const) {
      const refused = nextRefusal(h.ben)
      await sendDecision(h.ben, h.benToAnna, forged)
      expect(await refused).toMatch(sentence)
    }
    expect(await waitingRequestIds(h.anna)).toEqual([requestId])
    expect(await anna()['disclosures.list'](undefined)).toHaveLength(1)

    const outcome = h.lender.outcome(proofId, 60_000)
    await ben()['mandates.decide']({ askId: askId!, approve: true })
    expect((await outcome).state).toBe('verified')
  })

  it('refuses an approval beyond how often the mandate allows; the request waits for the person', async () => {
    const considered = nextConsidered(h.anna, 2)
    await Promise.all([h.lender.ask(h.lenderToAnna), h.lender.ask(h.lenderToAnna)])
    const put = await considered
    expect(put.map((p) => p.mandateId)).toEqual([mandateId, mandateId])
    const [first, second] = put.map((p) => p.askId!)
    await Promise.all([askOn(h.ben, first, 'waiting'), askOn(h.ben, second, 'waiting')])
    await ben()['mandates.decide']({ askId: first, approve: true })
    await askOn(h.ben, first, 'done')
    await ben()['mandates.decide']({ askId: second, approve: true })
    const refused = await askOn(h.ben, second, 'refused')
    expect(refused.note).toMatch(/all 3 answers of the last P1D are used.*waits for the person/)
    expect(await waitingRequestIds(h.anna)).toEqual([put[1].requestId])
    expect(await anna()['disclosures.list'](undefined)).toHaveLength(3)

    // Past its limit, the mandate puts nothing more to Ben.
    const next = nextConsidered(h.anna)
    await h.lender.ask(h.lenderToAnna)
    expect((await next)[0].mandateId).toBeUndefined()
  })

  it('puts nothing to the delegate from a requester the mandate does not name', async () => {
    const other = await startLender(h.dir, 'Other Lender')
    try {
      const { companyConnectionId } = await connectToCompany(h.anna, other)
      const considered = nextConsidered(h.anna)
      await other.ask(companyConnectionId)
      const [{ mandateId: putUnder, requestId }] = await considered
      expect(putUnder).toBeUndefined()
      expect(await waitingRequestIds(h.anna)).toContain(requestId)
    } finally {
      await other.stop()
    }
  })
})
