import {
  DidCommBasicMessageEventTypes,
  DidCommBasicMessageRole,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { stopCredoAgent, type CredoAgent } from '../../helpers/credoAgent'
import { freePort } from '../../helpers/freePort'
import { apiOf, connect, startNode, waitForEvent } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { startImplicitOnlyMediator } from './implicitOnlyMediator'

// Issue 10, 4: a node without an endpoint forced pickup v2 live mode; a mediator without pickup answered
// with a problem report, the pickup timed out, no WebSocket stayed open, and the node received nothing.
describe('interop: a node without an endpoint, through a mediator that offers only implicit delivery', () => {
  const tmp = makeTmpDir('custos-interop-')
  let ports: { http: number; ws: number }
  let mediator: CredoAgent | undefined
  let desktop: CustosNode
  let company: CustosNode
  let companyToDesktop: string

  const arrival = (content: string, timeoutMs = 20_000) =>
    waitForEvent<DidCommBasicMessageStateChangedEvent>(
      desktop,
      DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged,
      (e) =>
        e.payload.basicMessageRecord.role === DidCommBasicMessageRole.Receiver && e.payload.message.content === content,
      timeoutMs,
    )

  beforeAll(async () => {
    ports = { http: await freePort(), ws: await freePort() }
    mediator = await startImplicitOnlyMediator(`${tmp.dir}/mediator`, ports)
    desktop = await startNode(`${tmp.dir}/desktop`, { label: 'desktop', inbound: undefined })
    company = await startNode(`${tmp.dir}/company`, { label: 'company' })
  })
  afterAll(async () => {
    await Promise.all([desktop, company].map((node) => node?.close()))
    await stopCredoAgent(mediator)
    tmp.cleanup()
  })

  it('discovers that there is no pickup, chooses implicit delivery, and receives over the socket', async () => {
    expect(desktop.endpoints).toBeUndefined()
    const invitation = await mediator!.didcomm.oob.createInvitation()
    const invitationUrl = invitation.outOfBandInvitation.toUrl({ domain: `http://127.0.0.1:${ports.http}` })
    const status = await apiOf(desktop)['mediation.useMediator']({ invitationUrl })
    expect(status.mediator).toMatchObject({ state: 'granted', pickupStrategy: 'Implicit' })

    // The company reaches the desktop only through the mediator: request, complete and messages alike.
    const { inviteeConnection } = await connect(desktop, company)
    companyToDesktop = inviteeConnection.id
    const first = arrival('first')
    await company.agent.didcomm.basicMessages.sendMessage(companyToDesktop, 'first')
    await first
  })

  it('reopens the socket with back-off after the mediator restarts, and receives again', async () => {
    await stopCredoAgent(mediator)
    mediator = undefined
    // Down for a while: several reconnection attempts fail before it is back.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    mediator = await startImplicitOnlyMediator(`${tmp.dir}/mediator`, ports)
    // Sent at once: the mediator holds it until the desktop's socket is back, or sends it down the socket.
    const back = arrival('after the restart', 40_000)
    await company.agent.didcomm.basicMessages.sendMessage(companyToDesktop, 'after the restart')
    await back
    const again = arrival('and again')
    await company.agent.didcomm.basicMessages.sendMessage(companyToDesktop, 'and again')
    await again
  })

  it('keeps implicit delivery across a restart of the desktop', async () => {
    const dataDir = desktop.layout.root
    await desktop.close()
    desktop = await startNode(dataDir, { label: 'desktop', inbound: undefined })
    expect((await apiOf(desktop)['mediation.status'](undefined)).mediator?.pickupStrategy).toBe('Implicit')
    const after = arrival('after the desktop restarted', 30_000)
    await company.agent.didcomm.basicMessages.sendMessage(companyToDesktop, 'after the desktop restarted')
    await after
  })
})
