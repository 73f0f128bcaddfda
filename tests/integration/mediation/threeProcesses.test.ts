import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../helpers/freePort'
import { NodeProcess } from '../../helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../helpers/processes/protocol'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'
const TEN_MINUTES = 10 * 60 * 1000
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}`)
const poll = { timeout: 20_000, interval: 100 }

interface Received {
  events: string[]
  stored: string[]
}

// Three nodes, three processes, real sockets on 127.0.0.1, each with its own Askar store:
// a household mediator, a desktop with no endpoint of its own, and a company that writes to it.
describe('mediation: a desktop without an endpoint, reachable through a mediator', () => {
  const tmp = makeTmpDir('custos-mediation-')
  let mediatorConfig: NodeProcessConfig
  let desktopConfig: NodeProcessConfig
  let mediator: NodeProcess
  let desktop: NodeProcess
  let company: NodeProcess
  let companyToDesktop: string

  const queuedAtMediator = () => mediator.request<number>({ cmd: 'queuedRecordCount' })

  // Back to back, as a company would send them. The mediator's endpoint answers only once a message
  // is queued on its disk, so when a send returns the message is there, in the order it was sent.
  async function sendInArrivalOrder(from: number, to: number): Promise<void> {
    const base = await queuedAtMediator()
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from, to })
    expect(await queuedAtMediator()).toBe(base + to - from + 1)
  }

  beforeAll(async () => {
    mediatorConfig = {
      dataDir: `${tmp.dir}/mediator`,
      label: 'Household mediator',
      passphrase: PASS,
      port: await freePort(),
      mediator: true,
    }
    desktopConfig = {
      dataDir: `${tmp.dir}/desktop`,
      label: 'Desktop',
      passphrase: PASS,
      pollingIntervalMs: TEN_MINUTES,
    }
    const companyConfig = { dataDir: `${tmp.dir}/company`, label: 'Company', passphrase: PASS, port: await freePort() }
    ;[mediator, desktop, company] = await Promise.all([
      NodeProcess.start(mediatorConfig),
      NodeProcess.start(desktopConfig),
      NodeProcess.start(companyConfig),
    ])
  })

  afterAll(async () => {
    await Promise.all([mediator?.stop(), desktop?.stop(), company?.stop()])
    tmp.cleanup()
  })

  it('the desktop gets mediation from an invitation URL, and the company connects through the mediator', async () => {
    await expect(
      desktop.api('mediation.useMediator', { invitationUrl: 'https://example.org/no-invitation' }),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    const mediatorInvitation = (await mediator.api('mediation.createDeviceInvitation')).url
    const status = await desktop.api('mediation.useMediator', { invitationUrl: mediatorInvitation })
    expect(status.mediator).toMatchObject({ state: 'granted', label: 'Household mediator' })
    expect(status.mediator?.routingKeyCount).toBeGreaterThan(0)
    expect(status.servesAsMediator).toBe(false)
    expect((await mediator.api('mediation.status')).servesAsMediator).toBe(true)

    // The desktop's invitation carries the mediator's endpoint and routing keys, not an endpoint of its own.
    const desktopInvitation = await desktop.request<string>({ cmd: 'createInvitation' })
    companyToDesktop = await company.request<string>({ cmd: 'acceptInvitation', url: desktopInvitation })
    await expect
      .poll(
        async () =>
          (await desktop.request<{ theirLabel?: string; state: string }[]>({ cmd: 'connections' })).find(
            (c) => c.theirLabel === 'Company',
          )?.state,
        poll,
      )
      .toBe('completed')

    const recipients = await mediator.api('mediation.listRecipients')
    expect(recipients).toHaveLength(1)
    expect(recipients[0]).toMatchObject({ label: 'Desktop' })
    expect(recipients[0].recipientKeyCount).toBeGreaterThanOrEqual(1)
    // Everything so far went out live and was acknowledged.
    await expect.poll(queuedAtMediator, poll).toBe(0)
  })

  it('delivers 50 messages sent while the desktop was off, across a mediator restart, once each and in order', async () => {
    await desktop.stop()
    await sendInArrivalOrder(1, 25)

    // A hard stop, as a power cut would do; the queue is on disk, not in memory.
    await mediator.kill()
    mediator = await NodeProcess.start(mediatorConfig)
    expect((await mediator.api('mediation.listRecipients'))[0].queuedMessages).toBe(25)
    await sendInArrivalOrder(26, 50)

    // The desktop reconnects to its persisted default mediator by itself and picks the queue up.
    desktop = await NodeProcess.start(desktopConfig)
    await desktop.waitForEvent((e) => e.event === 'basicMessage' && e.content === '50', 60_000)
    await expect.poll(queuedAtMediator, poll).toBe(0)
    const received = await desktop.request<Received>({ cmd: 'received' })
    console.info(
      `mediation: 50 sent, ${received.events.length} received (${new Set(received.events).size} distinct), ` +
        `${received.stored.length} stored; mediator queue afterwards 0`,
    )
    expect(received.events).toEqual(range(1, 50))
    expect([...received.stored].sort((a, b) => Number(a) - Number(b))).toEqual(range(1, 50))
    expect((await desktop.api('mediation.status')).mediator?.state).toBe('granted')
  })

  it('delivers live over the WebSocket while the desktop is connected, without polling', async () => {
    const sentAt = Date.now()
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from: 51, to: 51 })
    const event = await desktop.waitForEvent((e) => e.event === 'basicMessage' && e.content === '51', 15_000)
    const latency = event.event === 'basicMessage' ? event.at - sentAt : Infinity
    console.info(`mediation: live delivery took ${latency} ms (polling interval ${TEN_MINUTES} ms)`)
    expect(latency).toBeLessThan(5_000)
    expect((await desktop.request<Received>({ cmd: 'received' })).events).toEqual(range(1, 51))
    await expect.poll(queuedAtMediator, poll).toBe(0)
  })

  it('the mediator removes a recipient: gone from the list, its queue dropped', async () => {
    await desktop.stop()
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from: 52, to: 54 })
    await expect.poll(queuedAtMediator, poll).toBe(3)
    const [recipient] = await mediator.api('mediation.listRecipients')
    expect(recipient.queuedMessages).toBe(3)

    await expect(mediator.api('mediation.removeRecipient', { id: 'no-such-record' })).rejects.toMatchObject({
      code: 'NotFound',
    })
    await expect(mediator.api('mediation.removeRecipient', { id: '' })).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(await mediator.api('mediation.removeRecipient', { id: recipient.id })).toEqual({
      removed: true,
      droppedMessages: 3,
    })
    expect(await mediator.api('mediation.listRecipients')).toEqual([])
    expect(await queuedAtMediator()).toBe(0)
  })
})
