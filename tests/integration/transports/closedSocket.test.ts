import { DidResolverService, type Kms } from '@credo-ts/core'
import {
  DidCommBasicMessage,
  DidCommBasicMessageEventTypes,
  DidCommBasicMessageRole,
  DidCommTransportService,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import type { CustosNode } from '../../../electron/node'
import { pack, withOurKeyId } from '../../helpers/envelopes'
import { connect, waitForEvent, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

type Ed25519Key = Kms.PublicJwk<Kms.Ed25519PublicJwk>

/** A basic message on the connection, packed by `sender` as Credo would, asking for replies on the same socket. */
async function returnRoutedMessage(sender: CustosNode, connectionId: string, content: string): Promise<string> {
  const { agent } = sender
  const connection = await agent.didcomm.connections.getById(connectionId)
  const resolver = agent.dependencyManager.resolve(DidResolverService)
  const [ours, theirs] = await Promise.all(
    [connection.did, connection.theirDid].map((did) => resolver.resolveDidDocument(agent.context, did!)),
  )
  const senderKey = await withOurKeyId(agent.context, connection.did!, ours.recipientKeys[0] as Ed25519Key)
  const plaintext = { ...new DidCommBasicMessage({ content }).toJSON(), '~transport': { return_route: 'all' } }
  return JSON.stringify(await pack(agent.context, plaintext, theirs.recipientKeys as Ed25519Key[], senderKey))
}

/** Sends one frame and drops the socket at once, as a peer whose process died right after sending would. */
function sendAndVanish(endpoint: string, frame: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(endpoint)
    socket.on('error', reject)
    socket.on('open', () => socket.send(frame, () => (socket.terminate(), resolve())))
  })
}

// A household member's laptop that dies while one of its messages is still in line at the household node:
// the message is processed after the socket closed, and Credo saves its session then. A session kept for a
// closed socket counts as a route to that connection, and as a reachable member, for as long as the node runs.
describe('inbound WebSocket: a message processed after its socket closed leaves no session behind', () => {
  const tmp = makeTmpDir()
  let household: CustosNode
  let member: CustosNode
  let householdToMember: string
  let memberToHousehold: string

  beforeAll(async () => {
    household = await startNode(`${tmp.dir}/household`, { label: 'household', inbound: { advertise: ['ws', 'http'] } })
    member = await startNode(`${tmp.dir}/member`, { label: 'member' })
    const connected = await connect(household, member)
    householdToMember = connected.inviterConnection.id
    memberToHousehold = connected.inviteeConnection.id
  })
  afterAll(async () => {
    await member?.close()
    await household?.close()
    tmp.cleanup()
  })

  it('forgets the session of a socket that closed before its message was processed', async () => {
    const transport = household.agent.dependencyManager.resolve(DidCommTransportService)
    const [ws] = household.endpoints ?? []
    for (const n of [1, 2, 3]) {
      const content = `sent, then gone ${n}`
      const received = waitForEvent<DidCommBasicMessageStateChangedEvent>(
        household,
        DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged,
        (e) =>
          e.payload.basicMessageRecord.role === DidCommBasicMessageRole.Receiver &&
          e.payload.message.content === content,
        60_000,
      )
      await sendAndVanish(ws, await returnRoutedMessage(member, memberToHousehold, content))
      // Kept, not dropped: the message was accepted before the socket went.
      await received
      await expect
        .poll(() => transport.findSessionByConnectionId(householdToMember), { timeout: 30_000, interval: 50 })
        .toBeUndefined()
    }
  })
})
