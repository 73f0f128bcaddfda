import {
  DidCommBasicMessageEventTypes,
  DidCommBasicMessageRole,
  DidCommDidExchangeState,
  DidCommMediatorPickupStrategy,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { PICKUP_QUEUE, type StorageMessagePickupRepository } from '../../../electron/node/mediation'
import { startCredoAgent, stopCredoAgent, type CredoAgent } from '../../helpers/credoAgent'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

// Issue 10, 3: a recipient with its own endpoint that never does pickup (a plain Credo agent with pickup
// strategy None, as an ACA-Py-like recipient behaves) got nothing from our mediator, which only queued.
describe('interop: our mediator delivers directly to a recipient with an endpoint and no pickup', () => {
  const tmp = makeTmpDir('custos-interop-')
  const received: string[] = []
  let port: number
  let household: CustosNode
  let company: CustosNode
  let recipient: CredoAgent | undefined
  let companyToRecipient: string
  let recipientInvitation: string

  const queue = () => household.agent.dependencyManager.resolve<StorageMessagePickupRepository>(PICKUP_QUEUE)

  async function startRecipient() {
    const agent = await startCredoAgent({
      dir: `${tmp.dir}/recipient`,
      label: 'no-pickup recipient',
      inbound: ['http'],
      ports: { http: port },
      didcomm: { mediationRecipient: { mediatorPickupStrategy: DidCommMediatorPickupStrategy.None } },
    })
    agent.events.on<DidCommBasicMessageStateChangedEvent>(
      DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged,
      ({ payload }) => {
        if (payload.basicMessageRecord.role === DidCommBasicMessageRole.Receiver) received.push(payload.message.content)
      },
    )
    return agent
  }

  beforeAll(async () => {
    port = await freePort()
    household = await startNode(`${tmp.dir}/household`, { label: 'household', mediator: true })
    company = await startNode(`${tmp.dir}/company`, { label: 'company' })
    recipient = await startRecipient()

    const device = await apiOf(household)['mediation.createDeviceInvitation'](undefined)
    const { connectionRecord } = await recipient.didcomm.oob.receiveInvitationFromUrl(device.url, {
      label: 'no-pickup recipient',
    })
    const toHousehold = await recipient.didcomm.connections.returnWhenIsConnected(connectionRecord!.id, {
      timeoutMs: 20_000,
    })
    await recipient.didcomm.mediationRecipient.provision(toHousehold)

    // The recipient's invitation names the household's endpoint and routing key, not its own endpoint.
    const invitation = await recipient.didcomm.oob.createInvitation()
    expect(invitation.outOfBandInvitation.getInlineServices()[0].serviceEndpoint).toBe(household.endpoints?.[0])
    const url = invitation.outOfBandInvitation.toUrl({ domain: 'https://example.org' })
    const accepted = await apiOf(company)['connections.acceptInvitation']({ url })
    companyToRecipient = (
      await company.agent.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
    ).id
    recipientInvitation = invitation.id
  })
  afterAll(async () => {
    await stopCredoAgent(recipient)
    await Promise.all([household, company].map((node) => node?.close()))
    tmp.cleanup()
  })

  it('delivers each forward to the endpoint once, in order, and keeps nothing queued', async () => {
    // The company's DID exchange request and complete came through the household too.
    const agent = recipient!
    await expect
      .poll(async () => (await agent.didcomm.connections.findAllByOutOfBandId(recipientInvitation))[0]?.state, {
        timeout: 20_000,
      })
      .toBe(DidCommDidExchangeState.Completed)
    for (const n of [1, 2, 3, 4, 5])
      await company.agent.didcomm.basicMessages.sendMessage(companyToRecipient, `direct ${n}`)
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(5)
    expect(received).toEqual(['direct 1', 'direct 2', 'direct 3', 'direct 4', 'direct 5'])
    expect(queue().countHeld()).toBe(0)
  })

  it('queues while the recipient is unreachable and delivers once it is back, none lost, none twice', async () => {
    await stopCredoAgent(recipient)
    recipient = undefined
    received.length = 0
    for (const n of [1, 2, 3]) await company.agent.didcomm.basicMessages.sendMessage(companyToRecipient, `away ${n}`)
    await expect.poll(() => queue().countHeld(), { timeout: 10_000 }).toBe(3)
    // Given back after the failed attempt, not left leased: a restart of the household is not needed.
    const [{ connectionId }] = await apiOf(household)['mediation.listRecipients'](undefined)
    await expect.poll(() => queue().getAvailableMessageCount({ connectionId }), { timeout: 10_000 }).toBe(3)

    recipient = await startRecipient()
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(3)
    expect(received).toEqual(['away 1', 'away 2', 'away 3'])
    expect(queue().countHeld()).toBe(0)

    await company.agent.didcomm.basicMessages.sendMessage(companyToRecipient, 'back')
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(4)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(received).toEqual(['away 1', 'away 2', 'away 3', 'back'])
  })
})
