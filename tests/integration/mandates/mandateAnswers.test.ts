import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { eventually } from '../../helpers/companies'
import { apiOf } from '../../helpers/nodes'
import {
  askOn,
  mortgageScope,
  nextConsidered,
  startMandateHousehold,
  waitingRequestIds,
  type MandateHousehold,
} from './mandateHousehold'

// Issue 23, acting for a member: the delegate declines (the person's node declines the request in the
// delegate's stead), and the person answers herself while the request waits for the delegate.
describe('a mandate: declined by the delegate, or overtaken by the person', () => {
  let h: MandateHousehold
  let mandateId: string
  const anna = () => apiOf(h.anna)
  const ben = () => apiOf(h.ben)

  beforeAll(async () => {
    h = await startMandateHousehold()
    const scope = mortgageScope(h.annaToLender)
    mandateId = (await anna()['mandates.give']({ delegateConnectionId: h.annaToBen, name: 'Mortgage', scope })).id
    await eventually(async () => (await ben()['mandates.list'](undefined))[0], 60_000)
  }, 240_000)
  afterAll(() => h?.stop())

  async function putToBen() {
    const considered = nextConsidered(h.anna)
    const proofId = await h.lender.ask(h.lenderToAnna)
    const [{ askId, requestId, mandateId: putUnder }] = await considered
    expect(putUnder).toBe(mandateId)
    await askOn(h.ben, askId!, 'waiting')
    return { proofId, askId: askId!, requestId }
  }

  it('declined by the delegate: the requester is told no, nothing is shared, both nodes show it', async () => {
    const { proofId, askId, requestId } = await putToBen()
    const outcome = h.lender.outcome(proofId, 60_000)
    expect(await ben()['mandates.decide']({ askId, approve: false })).toMatchObject({ state: 'declined' })
    expect(await outcome).toMatchObject({ state: 'refused', reason: expect.stringMatching(/acting for the person/) })
    expect(await askOn(h.anna, askId, 'declined')).toMatchObject({ requestId })
    // Marked declined as Ben decided; the person's node's word on it (the outcome) follows.
    await expect
      .poll(async () => (await ben()['mandates.asks'](undefined)).find((a) => a.id === askId)?.note, {
        timeout: 60_000,
      })
      .toMatch(/Declined by a member/)
    expect(await waitingRequestIds(h.anna)).toEqual([])
    expect(await anna()['disclosures.list'](undefined)).toEqual([])
    await expect(ben()['mandates.decide']({ askId, approve: true })).rejects.toMatchObject({ code: 'InvalidInput' })
  })

  it('answered by the person herself: what waited for the delegate is withdrawn there', async () => {
    const { proofId, askId, requestId } = await putToBen()
    const outcome = h.lender.outcome(proofId, 60_000)
    await anna()['requests.approve']({ id: requestId })
    expect((await outcome).state).toBe('verified')
    expect(await askOn(h.ben, askId, 'withdrawn')).toMatchObject({ note: expect.stringMatching(/themselves/) })
    await expect(ben()['mandates.decide']({ askId, approve: true })).rejects.toMatchObject({ code: 'InvalidInput' })
    const [shared] = await anna()['disclosures.list'](undefined)
    expect(shared).toMatchObject({ requestId, decidedBy: { kind: 'person' } })
    expect(shared.onBehalf).toBeUndefined()
  })
})
