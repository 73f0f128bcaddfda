import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import {
  MediationQueueConfig,
  type StorageMessagePickupRepository,
  PICKUP_QUEUE,
} from '../../../electron/node/mediation'
import { insertMessage } from '../../../electron/node/mediation/mediator/queue/queueQueries'
import { apiOf, connect, logText, sendBasicMessage, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const filler = '{}'

// A real forward from a plain Credo sender, through a household mediator whose recipient's queue is full.
describe('mediation: a forward over the recipient quota, end to end', () => {
  const tmp = makeTmpDir()
  let household: CustosNode
  let device: CustosNode
  let company: CustosNode

  beforeAll(async () => {
    household = await startNode(`${tmp.dir}/household`, { label: 'household', mediator: true })
    device = await startNode(`${tmp.dir}/device`, { label: 'laptop' })
    company = await startNode(`${tmp.dir}/company`, { label: 'company' })
  })
  afterAll(async () => {
    await Promise.all([household, device, company].map((node) => node?.close()))
    tmp.cleanup()
  })

  it('is refused (422) and leaves the queue as it was; the next one is queued once there is room', async () => {
    const invitation = await apiOf(household)['mediation.createDeviceInvitation']()
    await apiOf(device)['mediation.useMediator']({ invitationUrl: invitation.url })
    const { inviteeConnection: toDevice } = await connect(device, company)
    await sendBasicMessage(company, toDevice.id, device, 'before the quota')

    const [{ connectionId }] = await apiOf(household)['mediation.listRecipients']()
    // The laptop sleeps: from now on forwards for it wait in the household's queue.
    await device.lock()
    const queue = household.agent.dependencyManager.resolve<StorageMessagePickupRepository>(PICKUP_QUEUE)
    const { maxMessagesPerRecipient: max } = household.agent.dependencyManager.resolve(MediationQueueConfig)
    // Up to one short of the default quota, in one transaction: seconds of single adds left the sender's
    // keep-alive connection idle, and its next fetch sometimes failed on the server's idle close.
    household.appDb().transaction((tx) => {
      for (let n = queue.countHeld(connectionId); n < max - 1; n++)
        insertMessage(tx, { id: `filler-${n}`, connectionId, payload: filler, bytes: 2, receivedAt: Date.now() }, [])
    })
    const refusals = () => logText(household).match(/422 .*message refused: not accepted/g)?.length ?? 0

    await company.agent.didcomm.basicMessages.sendMessage(toDevice.id, 'the last that fits')
    await expect.poll(() => queue.countHeld(connectionId)).toBe(max)
    // Credo's HTTP sender does not read the status: for it this send succeeds, and the message is lost.
    await company.agent.didcomm.basicMessages.sendMessage(toDevice.id, 'over the quota')
    await expect.poll(refusals, { timeout: 10_000 }).toBe(1)
    expect(queue.countHeld(connectionId)).toBe(max)

    const [oldest] = await queue.takeFromQueue({ connectionId, limit: 1 })
    await queue.removeMessages({ connectionId, messageIds: [oldest.id] })
    await company.agent.didcomm.basicMessages.sendMessage(toDevice.id, 'after there is room')
    await expect.poll(() => queue.countHeld(connectionId)).toBe(max)
    expect(refusals()).toBe(1)
  }, 60_000)
})
