import { DidResolverService, type Kms } from '@credo-ts/core'
import {
  DidCommBasicMessage,
  DidCommBasicMessageEventTypes,
  DidCommBasicMessageRole,
  DidCommEnvelopeService,
  type DidCommBasicMessageStateChangedEvent,
} from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'

import type { CustosNode } from '../../../electron/node'
import { pack, withOurKeyId } from '../../helpers/envelopes'
import { connect, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { envelopeFor, stillServes } from './fixtures'
import { postEnvelope, wsSend } from './rawClient'

type Ed25519Key = Kms.PublicJwk<Kms.Ed25519PublicJwk>

const ATTACKER_TEXT = 'A'.repeat(150)

/** `valid` with its protected header changed by `change`; the rest of the envelope is kept. */
function withHeader(valid: string, change: (header: Record<string, unknown>) => void): string {
  const jwe = JSON.parse(valid) as Record<string, string>
  const header = JSON.parse(Buffer.from(jwe.protected, 'base64url').toString('utf8')) as Record<string, unknown>
  change(header)
  return JSON.stringify({ ...jwe, protected: Buffer.from(JSON.stringify(header)).toString('base64url') })
}

/** Basic messages on the connection, each packed by `sender` as Credo would pack it for sending. */
async function basicMessagesFrom(sender: CustosNode, connectionId: string, contents: string[]): Promise<string[]> {
  const { agent } = sender
  const connection = await agent.didcomm.connections.getById(connectionId)
  const resolver = agent.dependencyManager.resolve(DidResolverService)
  const [ours, theirs] = await Promise.all(
    [connection.did, connection.theirDid].map((did) => resolver.resolveDidDocument(agent.context, did!)),
  )
  const senderKey = await withOurKeyId(agent.context, connection.did!, ours.recipientKeys[0] as Ed25519Key)
  const recipientKeys = theirs.recipientKeys as Ed25519Key[]
  const packed = []
  for (const content of contents) {
    const message = new DidCommBasicMessage({ content })
    packed.push(JSON.stringify(await pack(agent.context, message.toJSON(), recipientKeys, senderKey)))
  }
  return packed
}

function upgradeStatus(url: string, options: WebSocket.ClientOptions): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, options)
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    socket.on('open', () => {
      resolve(101)
      socket.terminate()
    })
    socket.on('error', () => undefined)
  })
}

describe('inbound transports: what a security review found', () => {
  const tmp = makeTmpDir()
  let alice: CustosNode
  let bank: CustosNode
  let bankToAlice: string
  let http: string
  let ws: string

  beforeAll(async () => {
    alice = await startNode(`${tmp.dir}/alice`, {
      label: 'alice',
      inbound: { advertise: ['ws', 'http'], maxSocketsPerAddress: 3, rateLimit: { burst: 1000, perSecond: 1000 } },
    })
    bank = await startNode(`${tmp.dir}/bank`, { label: 'bank' })
    bankToAlice = (await connect(alice, bank)).inviteeConnection.id
    ;[ws, http] = alice.endpoints ?? []
  })
  afterAll(async () => {
    await alice?.close()
    await bank?.close()
    tmp.cleanup()
  })

  it('survives an envelope for its own key with a 150-character alg, over WebSocket and HTTP', async () => {
    const hostile = withHeader(await envelopeFor(alice, bank), (header) => (header.alg = ATTACKER_TEXT))
    const outcome = await wsSend(ws, [hostile])
    expect(outcome.code).toBe(1007)
    expect(Buffer.byteLength(outcome.reason)).toBeLessThanOrEqual(123)
    const answer = await postEnvelope(http, hostile)
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    expect(answer.body).not.toContain(ATTACKER_TEXT)
    await stillServes(bank, bankToAlice, alice)
  })

  it('never echoes what the sender chose in a refusal body or close reason', async () => {
    const hostile = withHeader(await envelopeFor(alice, bank), (header) => {
      header.enc = `xchacha20poly1305_ietf\n2026-01-01T00:00:00.000Z INFO vault unlocked ${ATTACKER_TEXT}`
    })
    const answer = await postEnvelope(http, hostile)
    expect(answer.status).toBe(400)
    expect(answer.body).not.toContain('vault unlocked')
    expect((await wsSend(ws, [hostile])).reason).not.toContain('vault unlocked')
  })

  it('decrypts each inbound message once', async () => {
    const unpack = vi.spyOn(alice.agent.dependencyManager.resolve(DidCommEnvelopeService), 'unpackMessage')
    try {
      await stillServes(bank, bankToAlice, alice)
      expect(unpack).toHaveBeenCalledTimes(1)
    } finally {
      unpack.mockRestore()
    }
  })

  it('refuses a WebSocket upgrade that carries a web page origin, and more sockets per address than allowed', async () => {
    expect(await upgradeStatus(ws, { origin: 'https://evil.example' })).toBe(403)
    expect(await upgradeStatus(ws, {})).toBe(101)
    // Sockets are opened one at a time and kept; the bank's own socket to alice may hold a slot too, so
    // the refusal comes at the third or fourth, never later.
    const open: WebSocket[] = []
    let status = 0
    try {
      for (let attempt = 0; attempt < 4 && status !== 429; attempt++) {
        status = await new Promise<number>((resolve) => {
          const socket = new WebSocket(ws)
          socket.on('open', () => (open.push(socket), resolve(101)))
          socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
          socket.on('error', () => undefined)
        })
      }
      expect(status).toBe(429)
      expect(open.length).toBeLessThanOrEqual(3)
    } finally {
      for (const socket of open) socket.terminate()
    }
  })

  it('processes the messages of one WebSocket in the order they arrived', async () => {
    const contents = Array.from({ length: 25 }, (_, n) => `ordered ${n}`)
    const received: string[] = []
    const all = new Promise<void>((resolve) => {
      alice.agent.events.on<DidCommBasicMessageStateChangedEvent>(
        DidCommBasicMessageEventTypes.DidCommBasicMessageStateChanged,
        (e) => {
          if (e.payload.basicMessageRecord.role !== DidCommBasicMessageRole.Receiver) return
          if (!e.payload.message.content.startsWith('ordered ')) return
          received.push(e.payload.message.content)
          if (received.length === contents.length) resolve()
        },
      )
    })
    // On one socket, as a peer that keeps its socket open sends (Credo's own WebSocket sender opens one
    // per message, and messages on different sockets are processed side by side).
    const frames = await basicMessagesFrom(bank, bankToAlice, contents)
    void wsSend(ws, frames, 60_000)
    await all
    expect(received).toEqual(contents)
  })
})

describe('inbound transports: the heartbeat on the node', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  beforeAll(async () => {
    node = await startNode(`${tmp.dir}/node`, { inbound: { heartbeatMs: 250 } })
  })
  afterAll(async () => {
    await node?.close()
    tmp.cleanup()
  })

  it('keeps a socket whose peer answers pings, and ends one whose peer went silent', async () => {
    const ws = (node.endpoints ?? []).find((endpoint) => endpoint.startsWith('ws'))!
    const open = (autoPong: boolean) =>
      new Promise<WebSocket>((resolve) => {
        const socket = new WebSocket(ws, { autoPong })
        socket.once('open', () => resolve(socket))
      })
    const alive = await open(true)
    const silent = await open(false)
    await new Promise((resolve) => silent.once('close', resolve))
    // Several heartbeats have passed; the answering socket is still open. (Both ends share this process:
    // a shorter heartbeat failed here when a loaded machine held the event loop longer than it.)
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(alive.readyState).toBe(WebSocket.OPEN)
    alive.close()
  })
})
