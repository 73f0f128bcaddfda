import { DidCommEventTypes, type DidCommMessageProcessedEvent } from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { sendOnConnection } from '../../../electron/node/connections'
import { HouseholdEndMessage } from '../../../electron/node/household'
import { PICKUP_QUEUE, type StorageMessagePickupRepository } from '../../../electron/node/mediation'
import { apiOf, connect, sendBasicMessage, startNode, waitForEvent } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const POLL = { timeout: 30_000, interval: 100 }

// Issue 23, members: a household node (the mediator) and two members' nodes with no endpoint of their own,
// so everything for them goes through the household node; a company writes to one of them.
describe('household members: who is reachable, what waits, leaving and removal', () => {
  const tmp = makeTmpDir()
  let household: CustosNode
  let anna: CustosNode
  let ben: CustosNode
  let company: CustosNode
  let companyToAnna: string

  const queue = () => household.agent.dependencyManager.resolve<StorageMessagePickupRepository>(PICKUP_QUEUE)
  const members = () => apiOf(household)['household.members'](undefined)
  const memberNamed = async (label: string) => (await members()).members.find((m) => m.label === label)
  const openMember = (label: string) => startNode(`${tmp.dir}/${label}`, { label, inbound: undefined })

  beforeAll(async () => {
    household = await startNode(`${tmp.dir}/household`, { label: 'household', mediator: true })
    company = await startNode(`${tmp.dir}/company`, { label: 'company' })
    anna = await openMember('anna')
    ben = await openMember('ben')
    for (const member of [anna, ben]) {
      const device = await apiOf(household)['mediation.createDeviceInvitation'](undefined)
      await apiOf(member)['mediation.useMediator']({ invitationUrl: device.url })
    }
    const invitation = await apiOf(anna)['connections.createInvitation'](undefined)
    const accepted = await apiOf(company)['connections.acceptInvitation']({ url: invitation.url })
    const connected = await company.agent.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
    companyToAnna = connected.id
  })
  afterAll(async () => {
    await Promise.all([company, anna, ben, household].map((node) => node?.close()))
    tmp.cleanup()
  })

  it('lists both members as reachable, and each member sees its household node', async () => {
    await expect.poll(async () => (await members()).members.filter((m) => m.reachable).length, POLL).toBe(2)
    const view = await members()
    expect(view.isHouseholdNode).toBe(true)
    expect(view.householdNode).toBeNull()
    for (const member of view.members) {
      expect(member).toMatchObject({ mediated: true, reachable: true, waiting: { count: 0 } })
      expect(Date.parse(member.reachableSince!)).toBeLessThanOrEqual(Date.now())
    }
    const annaSide = await apiOf(anna)['household.members'](undefined)
    expect(annaSide).toMatchObject({ isHouseholdNode: false, members: [], householdNode: { label: 'household' } })
  })

  it('shows a closed member as not reachable, with the count and age of what waits for it, never content', async () => {
    await sendBasicMessage(company, companyToAnna, anna, 'while awake')
    await anna.close()
    await expect.poll(async () => (await memberNamed('anna'))?.reachable, POLL).toBe(false)
    const before = Date.now()
    await company.agent.didcomm.basicMessages.sendMessage(companyToAnna, 'while asleep')
    await expect.poll(async () => (await memberNamed('anna'))?.waiting.count, POLL).toBe(1)
    const annaRow = (await memberNamed('anna'))!
    expect(Date.parse(annaRow.waiting.oldestAt!)).toBeGreaterThanOrEqual(before - 1_000)
    expect(annaRow.lastSeenAt).toBeDefined()
    expect(JSON.stringify(await members())).not.toContain('asleep')
    expect(await memberNamed('ben')).toMatchObject({ reachable: true, waiting: { count: 0 } })
  })

  it('refuses to remove an unknown id or a connection that is not a member, changing nothing', async () => {
    const before = await members()
    const { inviterConnection, inviteeConnection } = await connect(household, company)
    const api = apiOf(household)
    await expect(api['household.remove']({ connectionId: 'unknown' })).rejects.toMatchObject({ code: 'NotFound' })
    await expect(api['household.remove']({ connectionId: inviterConnection.id })).rejects.toMatchObject({
      code: 'NotFound',
    })
    await expect(api['household.remove']({ connectionId: 'x'.repeat(201) })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    const extra = { connectionId: inviterConnection.id, extra: 1 } as never
    await expect(api['household.remove'](extra)).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(api['household.leave'](undefined)).rejects.toMatchObject({ code: 'NotFound' })
    const after = await members()
    expect(after.members.map((m) => [m.connectionId, m.waiting.count])).toEqual(
      before.members.map((m) => [m.connectionId, m.waiting.count]),
    )
    expect(await api['mediation.listRecipients'](undefined)).toHaveLength(2)

    // The end-membership message over a connection that is no membership (the company's) changes nothing.
    const processed = waitForEvent<DidCommMessageProcessedEvent>(
      household,
      DidCommEventTypes.DidCommMessageProcessed,
      (event) => event.payload.message.type === HouseholdEndMessage.type.messageTypeUri,
    )
    await sendOnConnection(company.agent.context, inviteeConnection.id, new HouseholdEndMessage({}))
    await processed
    expect((await members()).members).toHaveLength(2)
    expect(await api['mediation.listRecipients'](undefined)).toHaveLength(2)
  })

  it('removes a sleeping member: its grant and queue go at once, and it learns so when it wakes', async () => {
    const annaRow = (await memberNamed('anna'))!
    const result = await apiOf(household)['household.remove']({ connectionId: annaRow.connectionId })
    expect(result).toEqual({ removed: true, droppedMessages: 1 })
    expect((await members()).members.map((m) => m.label)).toEqual(['ben'])
    expect(await apiOf(household)['mediation.listRecipients'](undefined)).toMatchObject([{ label: 'ben' }])
    // What waits for her now is the household node's word that she was removed, nothing else.
    expect(queue().countHeld(annaRow.connectionId)).toBe(1)

    // A further forward for her is taken off the wire but not queued: no mediation knows her keys any more,
    // so its processing fails (a dead letter, still encrypted for her) and her queue holds no more.
    const dead = async () => (await apiOf(household)['inbox.listDeadLetters'](undefined)).total
    const deadBefore = await dead()
    await company.agent.didcomm.basicMessages.sendMessage(companyToAnna, 'after removal')
    await expect.poll(dead, POLL).toBe(deadBefore + 1)
    expect((await apiOf(household)['inbox.listDeadLetters'](undefined)).letters[0].reason).toMatch(/RecordNotFound/)
    expect(queue().countHeld(annaRow.connectionId)).toBe(1)

    anna = await openMember('anna')
    await expect.poll(async () => (await apiOf(anna)['mediation.status'](undefined)).mediator, POLL).toBeNull()
    expect((await apiOf(anna)['household.members'](undefined)).householdNode).toBeNull()
    // Picked up and acknowledged: the household node holds nothing more for her.
    await expect.poll(() => queue().countHeld(annaRow.connectionId), POLL).toBe(0)
  })

  it('lets a member leave: its node stops using the household node and the household node drops it', async () => {
    expect(await apiOf(ben)['household.leave'](undefined)).toEqual({ left: true, householdTold: true })
    expect((await apiOf(ben)['mediation.status'](undefined)).mediator).toBeNull()
    expect(await apiOf(ben)['connections.list'](undefined)).toMatchObject([
      { theirLabel: 'household', role: 'unassigned' },
    ])
    await expect.poll(async () => (await members()).members, POLL).toEqual([])
    expect(await apiOf(household)['mediation.listRecipients'](undefined)).toEqual([])
    await expect(apiOf(ben)['household.leave'](undefined)).rejects.toMatchObject({ code: 'NotFound' })
  })
})
