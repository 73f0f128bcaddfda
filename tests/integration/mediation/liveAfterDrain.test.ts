import {
  DidCommBasicMessageEventTypes,
  DidCommBasicMessageRole,
  DidCommMessagePickupApi,
  DidCommMessagePickupEventTypes,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode, waitForEvent } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

// Credo turns live delivery on only if its start-up pickup drained within 10 s; a large queue outlasts
// that. Here live mode is turned off by hand, as that timeout leaves it, and a pickup drains the queue:
// the node must turn it on again by itself, so the next message arrives live.
describe('live delivery after a drain, whatever the drain took', () => {
  const tmp = makeTmpDir()
  let mediator: CustosNode
  let desktop: CustosNode
  let company: CustosNode
  let companyToDesktop: string

  beforeAll(async () => {
    mediator = await startNode(`${tmp.dir}/mediator`, { label: 'mediator', mediator: true })
    desktop = await startNode(`${tmp.dir}/desktop`, { label: 'desktop', inbound: undefined })
    company = await startNode(`${tmp.dir}/company`, { label: 'company' })
    const device = await apiOf(mediator)['mediation.createDeviceInvitation'](undefined)
    await apiOf(desktop)['mediation.useMediator']({ invitationUrl: device.url })
    const invitation = await apiOf(desktop)['connections.createInvitation'](undefined)
    const accepted = await apiOf(company)['connections.acceptInvitation']({ url: invitation.url })
    companyToDesktop = (
      await company.agent.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
    ).id
  })
  afterAll(async () => {
    await Promise.all([company, desktop, mediator].map((node) => node?.close()))
    tmp.cleanup()
  })

  const arrival = (content: string, timeoutMs: number) =>
    waitForEvent<DidCommBasicMessageStateChangedEvent>(
      desktop,
      DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged,
      (e) =>
        e.payload.basicMessageRecord.role === DidCommBasicMessageRole.Receiver && e.payload.message.content === content,
      timeoutMs,
    )

  it('switches live mode on again once a pickup has drained the queue', async () => {
    const mediatorConnection = (await apiOf(desktop)['mediation.status'](undefined)).mediator!.connectionId
    const pickup = desktop.agent.dependencyManager.resolve(DidCommMessagePickupApi)
    await pickup.setLiveDeliveryMode({ connectionId: mediatorConnection, liveDelivery: false, protocolVersion: 'v2' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const queued = arrival('while not live', 20_000)
    await company.agent.didcomm.basicMessages.sendMessage(companyToDesktop, 'while not live')
    await pickup.pickupMessages({ connectionId: mediatorConnection, protocolVersion: 'v2', awaitCompletion: true })
    await queued
    // Drained; no further pickup is asked for. The next message must come live, within seconds.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const live = arrival('after the drain', 5_000)
    await company.agent.didcomm.basicMessages.sendMessage(companyToDesktop, 'after the drain')
    await expect(live).resolves.toBeDefined()
  })

  it('asks for live delivery once per drain, not again on the answer to its own request', async () => {
    let completed = 0
    desktop.agent.events.on(DidCommMessagePickupEventTypes.MessagePickupCompleted, () => {
      completed++
    })
    const mediatorConnection = (await apiOf(desktop)['mediation.status'](undefined)).mediator!.connectionId
    await desktop.agent.dependencyManager
      .resolve(DidCommMessagePickupApi)
      .pickupMessages({ connectionId: mediatorConnection, protocolVersion: 'v2', awaitCompletion: true })
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    // The drain's completion and the answers to a live-delivery request or two (Credo's own start-up
    // request may still be answered); the ping-pong this guards against made one every ~15 ms.
    expect(completed).toBeLessThanOrEqual(6)
  })
})
