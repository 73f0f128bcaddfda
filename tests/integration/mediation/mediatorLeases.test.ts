import {
  DidCommEventTypes,
  DidCommConnectionRecord,
  DidCommDidExchangeRole,
  DidCommDidExchangeState,
  DidCommMessagePickupApi,
  DidCommOutboundMessageContext,
  OutboundMessageSendStatus,
  type DidCommMessageReceivedEvent,
  type DidCommMessageSentEvent,
  type DidCommEncryptedMessage,
} from '@credo-ts/didcomm'
import { DidCommBatchMessageMessage, DidCommBatchMessage } from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { MediationQueueConfig, StorageMessagePickupRepository, PICKUP_QUEUE } from '../../../electron/node/mediation'
import { connect, startNode, waitForEvent } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const envelope = (marker: string): DidCommEncryptedMessage => ({
  protected: marker,
  iv: 'iv',
  ciphertext: 'c',
  tag: 't',
})

// Pickup v1 has no acknowledgement and Credo takes its batches with deleteMessages: true before sending them.
describe('mediation: a pickup v1 batch leaves the queue only once it was sent', () => {
  const tmp = makeTmpDir()
  let household: CustosNode
  let device: CustosNode

  beforeAll(async () => {
    household = await startNode(`${tmp.dir}/household`, { label: 'household', mediator: true })
    device = await startNode(`${tmp.dir}/device`, { label: 'laptop' })
  })
  afterAll(async () => {
    await Promise.all([household, device].map((node) => node?.close()))
    tmp.cleanup()
  })

  function reportSent(connectionId: string, ids: string[], status: OutboundMessageSendStatus) {
    const connection = new DidCommConnectionRecord({
      id: connectionId,
      role: DidCommDidExchangeRole.Responder,
      state: DidCommDidExchangeState.Completed,
    })
    const batch = new DidCommBatchMessage({
      messages: ids.map((id) => new DidCommBatchMessageMessage({ id, message: envelope(id) })),
    })
    household.agent.events.emit<DidCommMessageSentEvent>(household.agent.context, {
      type: DidCommEventTypes.DidCommMessageSent,
      payload: {
        message: new DidCommOutboundMessageContext(batch, { agentContext: household.agent.context, connection }),
        status,
      },
    })
  }

  it('keeps a taken batch leased through a failed send, offers it again, and deletes it once sent', async () => {
    const queue = new StorageMessagePickupRepository(
      household.agent.context,
      new MediationQueueConfig({ leaseMs: 300 }),
    )
    for (const n of [1, 2]) await queue.addMessage({ connectionId: 'A', recipientDids: [], payload: envelope(`m${n}`) })
    const taken = await queue.takeFromQueue({ connectionId: 'A', deleteMessages: true })
    const ids = taken.map((m) => m.id)
    expect(ids).toHaveLength(2)
    // Handed out but not gone: the send has not happened yet.
    expect(queue.countHeld('A')).toBe(2)
    expect(await queue.getAvailableMessageCount({ connectionId: 'A' })).toBe(0)

    reportSent('A', ids, OutboundMessageSendStatus.Undeliverable)
    // Another connection's batch naming A's ids does not remove them either.
    reportSent('B', ids, OutboundMessageSendStatus.SentToSession)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(queue.countHeld('A')).toBe(2)
    const again = await queue.takeFromQueue({ connectionId: 'A', deleteMessages: true })
    expect(again.map((m) => m.encryptedMessage.protected)).toEqual(['m1', 'm2'])

    reportSent('A', ids, OutboundMessageSendStatus.SentToSession)
    await new Promise((resolve) => setImmediate(resolve))
    expect(queue.countHeld('A')).toBe(0)
  })

  it('deletes what a real Credo recipient picked up with pickup v1, after the batch reached it', async () => {
    const { inviterConnection, inviteeConnection } = await connect(household, device)
    const markers = ['v1-a', 'v1-b', 'v1-c']
    const pickup = household.agent.dependencyManager.resolve<StorageMessagePickupRepository>(PICKUP_QUEUE)
    for (const marker of markers)
      await pickup.addMessage({ connectionId: inviterConnection.id, recipientDids: [], payload: envelope(marker) })

    const arrived = markers.map((marker) =>
      waitForEvent<DidCommMessageReceivedEvent>(
        device,
        DidCommEventTypes.DidCommMessageReceived,
        (event) => (event.payload.message as DidCommEncryptedMessage).protected === marker,
      ),
    )
    await device.agent.dependencyManager
      .resolve(DidCommMessagePickupApi)
      .pickupMessages({ connectionId: inviteeConnection.id, protocolVersion: 'v1' })
    await Promise.all(arrived)
    for (let i = 0; i < 100 && pickup.countHeld(inviterConnection.id) > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect(pickup.countHeld(inviterConnection.id)).toBe(0)
  })
})
