import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiOf } from '../../helpers/nodes'
import {
  askOn,
  mortgageScope,
  nextConsidered,
  nextRefusal,
  sendDecision,
  startMandateHousehold,
  waitingRequestIds,
  type MandateHousehold,
} from './mandateHousehold'

const POLL = { timeout: 60_000, interval: 100 }

// Issue 23, acting for a member: a mandate that expired or was revoked (by the person or by the delegate)
// decides nothing; what waited under it waits for the person again, and nothing is shared.
describe('a mandate expired or revoked from either side', () => {
  let h: MandateHousehold
  const anna = () => apiOf(h.anna)
  const ben = () => apiOf(h.ben)
  const items = ['identity', 'income']

  beforeAll(async () => {
    h = await startMandateHousehold()
  }, 240_000)
  afterAll(() => h?.stop())

  /** Gives Ben a mandate for the lender and waits until his node holds it. */
  async function give(name: string, when = {}) {
    const scope = mortgageScope(h.annaToLender, when)
    const mandate = await anna()['mandates.give']({ delegateConnectionId: h.annaToBen, name, scope })
    await expect
      .poll(async () => (await ben()['mandates.list'](undefined)).find((m) => m.id === mandate.id)?.status, POLL)
      .toBe('active')
    return mandate
  }

  /** The lender asks Anna; resolves once the request was put to Ben under `mandateId`. */
  async function putToBen(mandateId: string) {
    const considered = nextConsidered(h.anna)
    await h.lender.ask(h.lenderToAnna)
    const [{ askId, requestId, mandateId: putUnder }] = await considered
    expect(putUnder).toBe(mandateId)
    await askOn(h.ben, askId!, 'waiting')
    return { askId: askId!, requestId }
  }

  it('refuses bad input with a typed error in words, and keeps nothing', async () => {
    const scope = mortgageScope(h.annaToLender)
    const give = anna()['mandates.give']
    const bad = [
      { delegateConnectionId: h.annaToBen, name: 'x', scope, extra: 1 },
      { delegateConnectionId: h.annaToBen, name: '', scope },
      { delegateConnectionId: h.annaToBen, name: 'x', scope: { ...scope, when: { maxAnswers: 2 } } },
      { delegateConnectionId: h.annaToBen, name: 'x', scope: { ...scope, what: [] } },
    ]
    for (const input of bad) await expect(give(input as never)).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(give({ delegateConnectionId: 'unknown', name: 'x', scope })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: /member of your household/,
    })
    const unknownLender = mortgageScope('unknown')
    await expect(give({ delegateConnectionId: h.annaToBen, name: 'x', scope: unknownLender })).rejects.toMatchObject({
      code: 'NotFound',
    })
    await expect(ben()['mandates.decide']({ askId: 'unknown', approve: true })).rejects.toMatchObject({
      code: 'NotFound',
    })
    await expect(anna()['mandates.revoke']({ id: 'unknown' })).rejects.toMatchObject({ code: 'NotFound' })
    expect(await anna()['mandates.list'](undefined)).toEqual([])
    expect(await ben()['mandates.list'](undefined)).toEqual([])
  })

  it('an expired mandate decides nothing: the approval is refused and the request waits for the person', async () => {
    const validUntil = new Date(Date.now() + 20_000).toISOString()
    const mandate = await give('Until this afternoon', { validUntil })
    const { askId, requestId } = await putToBen(mandate.id)
    // Until its end has passed on this clock; the node compares against the same clock.
    await expect.poll(() => Date.now() > Date.parse(validUntil), { timeout: 60_000, interval: 250 }).toBe(true)
    expect((await ben()['mandates.list'](undefined)).find((m) => m.id === mandate.id)?.expired).toBe(true)
    await ben()['mandates.decide']({ askId, approve: true })
    const refused = await askOn(h.ben, askId, 'refused')
    expect(refused.note).toMatch(/when: expired at .*nothing was shared, and the request waits for the person/)
    expect(await waitingRequestIds(h.anna)).toContain(requestId)
    expect(await anna()['disclosures.list'](undefined)).toEqual([])

    const next = nextConsidered(h.anna)
    await h.lender.ask(h.lenderToAnna)
    expect((await next)[0].mandateId).toBeUndefined()
  })

  it('revoked by the person: at once on both nodes, what waited is withdrawn, a later decision is refused', async () => {
    const mandate = await give('While I am away')
    const { askId, requestId } = await putToBen(mandate.id)
    const revoked = await anna()['mandates.revoke']({ id: mandate.id })
    expect(revoked).toMatchObject({ status: 'revoked', revokedBy: 'grantor' })
    await expect
      .poll(async () => (await ben()['mandates.list'](undefined)).find((m) => m.id === mandate.id), POLL)
      .toMatchObject({ status: 'revoked', revokedBy: 'grantor' })
    expect(await askOn(h.ben, askId, 'withdrawn')).toMatchObject({ note: expect.stringMatching(/revoked/) })
    await expect(ben()['mandates.decide']({ askId, approve: true })).rejects.toMatchObject({ code: 'InvalidInput' })
    // A decision sent anyway (an old copy of Ben's node, say) is refused by Anna's node in words.
    const refused = nextRefusal(h.ben)
    await sendDecision(h.ben, h.benToAnna, { askId, mandateId: mandate.id, items })
    expect(await refused).toMatch(/revoked, so it decides nothing/)
    expect(await waitingRequestIds(h.anna)).toContain(requestId)
    expect(await anna()['disclosures.list'](undefined)).toEqual([])
    await expect(anna()['mandates.revoke']({ id: mandate.id })).rejects.toMatchObject({ code: 'InvalidInput' })
  })

  it('decides nothing once the delegate is no longer marked as a member', async () => {
    const mandate = await give('Until Ben leaves')
    const { askId, requestId } = await putToBen(mandate.id)
    await anna()['connections.setRole']({ id: h.annaToBen, role: 'unassigned' })
    try {
      const refused = nextRefusal(h.ben)
      await sendDecision(h.ben, h.benToAnna, { askId, mandateId: mandate.id, items })
      expect(await refused).toMatch(/no longer a member of the household/)
      expect(await waitingRequestIds(h.anna)).toContain(requestId)
      const next = nextConsidered(h.anna)
      await h.lender.ask(h.lenderToAnna)
      expect((await next)[0].mandateId).toBeUndefined()
    } finally {
      await anna()['connections.setRole']({ id: h.annaToBen, role: 'household-member' })
      await anna()['mandates.revoke']({ id: mandate.id })
    }
    expect(await anna()['disclosures.list'](undefined)).toEqual([])
  })

  it('revoked by the delegate: the person’s node withdraws what waited and puts nothing more to them', async () => {
    const mandate = await give('Until Ben says no')
    const { askId } = await putToBen(mandate.id)
    expect(await ben()['mandates.revoke']({ id: mandate.id })).toMatchObject({
      status: 'revoked',
      revokedBy: 'delegate',
    })
    expect((await ben()['mandates.asks'](undefined)).find((a) => a.id === askId)?.state).toBe('withdrawn')
    await expect
      .poll(async () => (await anna()['mandates.list'](undefined)).find((m) => m.id === mandate.id), POLL)
      .toMatchObject({ status: 'revoked', revokedBy: 'delegate' })
    expect(await askOn(h.anna, askId, 'withdrawn')).toBeDefined()

    const next = nextConsidered(h.anna)
    await h.lender.ask(h.lenderToAnna)
    expect((await next)[0].mandateId).toBeUndefined()
    expect(await anna()['disclosures.list'](undefined)).toEqual([])
  })

  it('ends every mandate of a member who leaves the household, at once, and tells the other member', async () => {
    const mandate = await give('Until someone leaves')
    expect(await ben()['household.leave'](undefined)).toMatchObject({ left: true })
    await expect
      .poll(async () => (await ben()['mandates.list'](undefined)).find((m) => m.id === mandate.id)?.status, POLL)
      .toBe('revoked')
    await expect
      .poll(async () => (await anna()['mandates.list'](undefined)).find((m) => m.id === mandate.id), POLL)
      .toMatchObject({ status: 'revoked', revokedBy: 'delegate' })
  })
})
