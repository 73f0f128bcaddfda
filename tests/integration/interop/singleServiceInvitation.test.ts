import { parseInvitationUrl } from '@credo-ts/didcomm'
import {
  DidCommBasicMessageEventTypes,
  DidCommDidExchangeState,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { startCredoAgent, stopCredoAgent, type CredoAgent } from '../../helpers/credoAgent'
import { apiOf, sendBasicMessage, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { acceptSingleServiceInvitation } from './acaPyLike'

const serviceCount = (url: string) => parseInvitationUrl(url).getServices().length

// Issue 10, 1: a node's invitations carried one service per endpoint (http and ws); an agent that takes
// exactly one service refused them. A real Credo agent with that refusal stands in for it.
describe('interop: invitations with one service, for agents that accept exactly one', () => {
  const tmp = makeTmpDir('custos-interop-')
  let node: CustosNode
  let other: CredoAgent<Record<string, never>>

  beforeAll(async () => {
    node = await startNode(`${tmp.dir}/node`, { label: 'custos' })
    other = await startCredoAgent({ dir: `${tmp.dir}/other`, label: 'one-service agent', inbound: ['http'] })
  })
  afterAll(async () => {
    await stopCredoAgent(other)
    await node?.close()
    tmp.cleanup()
  })

  async function inviterSideCompleted(outOfBandId: string) {
    await expect
      .poll(async () => (await node.agent.didcomm.connections.findAllByOutOfBandId(outOfBandId))[0]?.state, {
        timeout: 20_000,
      })
      .toBe(DidCommDidExchangeState.Completed)
    return (await node.agent.didcomm.connections.findAllByOutOfBandId(outOfBandId))[0]
  }

  it('the stand-in refuses what Credo makes by default: one service per endpoint', async () => {
    expect(node.endpoints).toHaveLength(2)
    const twoServices = await node.agent.didcomm.oob.createInvitation()
    const url = twoServices.outOfBandInvitation.toUrl({ domain: 'https://example.org' })
    expect(serviceCount(url)).toBe(2)
    await expect(acceptSingleServiceInvitation(other, url)).rejects.toThrow(/exactly one/)
  })

  it('accepts the invitation the API makes, at the preferred endpoint; messages flow both ways', async () => {
    const invitation = await apiOf(node)['connections.createInvitation'](undefined)
    expect(serviceCount(invitation.url)).toBe(1)
    const [service] = parseInvitationUrl(invitation.url).getInlineServices()
    expect(service.serviceEndpoint).toBe(node.endpoints?.[0])

    const accepted = await acceptSingleServiceInvitation(other, invitation.url)
    const otherSide = await other.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
    const ourSide = await inviterSideCompleted(invitation.id)
    // Only the link is cut: the DID document we answered with still lists every endpoint, WebSocket included.
    const ourDoc = await other.dids.resolveDidDocument(otherSide.theirDid ?? '')
    expect(ourDoc.didCommServices.map((s) => String(s.serviceEndpoint))).toEqual(node.endpoints)
    await other.didcomm.basicMessages.sendMessage(otherSide.id, 'from the other agent')
    await expect
      .poll(async () => (await node.agent.didcomm.basicMessages.findAllByQuery({ connectionId: ourSide.id })).length)
      .toBe(1)
    const received = new Promise<string>((resolve) =>
      other.events.on<DidCommBasicMessageStateChangedEvent>(
        DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged,
        (event) => resolve(event.payload.message.content),
      ),
    )
    await node.agent.didcomm.basicMessages.sendMessage(ourSide.id, 'from custos')
    expect(await received).toBe('from custos')
  })

  it('accepts the standing invitation and a device invitation, both with one service', async () => {
    const standing = await node.agent.modules.custosConnections.standingInvitation()
    expect(serviceCount(standing.url)).toBe(1)
    expect((await node.agent.modules.custosConnections.standingInvitation()).url).toBe(standing.url)
    const accepted = await acceptSingleServiceInvitation(other, standing.url)
    await other.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
    await inviterSideCompleted(standing.id)

    const device = await apiOf(node)['mediation.createDeviceInvitation'](undefined)
    expect(serviceCount(device.url)).toBe(1)
  })

  it('two Custos nodes still connect over the one service', async () => {
    const peer = await startNode(`${tmp.dir}/peer`, { label: 'peer' })
    try {
      const invitation = await apiOf(node)['connections.createInvitation'](undefined)
      const accepted = await apiOf(peer)['connections.acceptInvitation']({ url: invitation.url })
      const peerSide = await peer.agent.didcomm.connections.returnWhenIsConnected(accepted.id, { timeoutMs: 20_000 })
      await sendBasicMessage(peer, peerSide.id, node, 'over one service')
    } finally {
      await peer.close()
    }
  })
})
