import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { makeTmpDir } from '../../helpers/tmpDir'
import { freePort } from '../../helpers/freePort'
import { apiOf, connect, sendBasicMessage, startNode, type TestNodeOptions } from '../../helpers/nodes'

describe('connections: out-of-band invitation, DID exchange, did:peer, roles', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  const open: CustosNode[] = []
  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(async () => {
    for (const node of open.splice(0)) await node.close().catch(() => undefined)
    tmp.cleanup()
  })
  async function start(name: string, options: TestNodeOptions = {}) {
    const node = await startNode(`${tmp.dir}/${name}`, { label: name, ...options })
    open.push(node)
    return node
  }
  async function restart(node: CustosNode, name: string, options: TestNodeOptions) {
    await node.close()
    open.splice(open.indexOf(node), 1)
    return start(name, options)
  }

  it.each([
    ['http', ['http'] as const],
    ['ws', ['ws'] as const],
  ])(
    'two nodes connect over %s, exchange basic messages both ways, and keep roles across a restart',
    async (_, schemes) => {
      // Fixed ports so that the DID documents exchanged before the restart still point at the nodes after it.
      const optionsA: TestNodeOptions = { inbound: { port: await freePort(), advertise: [...schemes] } }
      const optionsB: TestNodeOptions = { inbound: { port: await freePort(), advertise: [...schemes] } }
      let alice = await start('alice', optionsA)
      let bank = await start('bank', optionsB)
      expect(alice.endpoints).toEqual([`${schemes[0]}://127.0.0.1:${optionsA.inbound?.port}`])

      const { invitation, inviterConnection, inviteeConnection } = await connect(alice, bank)
      expect(invitation.qrData).toBe(invitation.url)
      expect(invitation.deepLink).toMatch(/^custos:\/\/invite\?oob=/)
      expect(inviterConnection.did).toMatch(/^did:peer:4/)
      expect(inviteeConnection.did).toMatch(/^did:peer:4/)
      // Each side reaches the other only at the advertised scheme.
      for (const [node, theirDid] of [
        [bank, inviteeConnection.theirDid],
        [alice, inviterConnection.theirDid],
      ] as const) {
        const doc = await node.agent.dids.resolveDidDocument(theirDid ?? '')
        expect(doc.didCommServices.map((service) => String(service.serviceEndpoint))).toEqual([
          expect.stringMatching(new RegExp(`^${schemes[0]}://127\\.0\\.0\\.1:`)),
        ])
      }

      expect((await sendBasicMessage(alice, inviterConnection.id, bank, 'hello bank')).message.content).toBe(
        'hello bank',
      )
      expect((await sendBasicMessage(bank, inviteeConnection.id, alice, 'hello alice')).message.content).toBe(
        'hello alice',
      )

      const aliceApi = apiOf(alice)
      const [bankSeenByAlice] = await aliceApi['connections.list'](undefined)
      expect(bankSeenByAlice).toMatchObject({ role: 'unassigned', ready: true, invitedBy: 'us', theirLabel: 'bank' })
      expect(await aliceApi['connections.setRole']({ id: bankSeenByAlice.id, role: 'data-source' })).toMatchObject({
        role: 'data-source',
      })
      await apiOf(bank)['connections.setRole']({ id: inviteeConnection.id, role: 'requester' })

      alice = await restart(alice, 'alice', optionsA)
      bank = await restart(bank, 'bank', optionsB)
      expect(await apiOf(alice)['connections.list'](undefined)).toEqual([
        expect.objectContaining({ id: bankSeenByAlice.id, role: 'data-source', ready: true }),
      ])
      expect(await apiOf(bank)['connections.list'](undefined)).toEqual([
        expect.objectContaining({
          id: inviteeConnection.id,
          role: 'requester',
          invitedBy: 'them',
          theirLabel: 'alice',
        }),
      ])
      // The connection itself survives too, not only its label.
      await sendBasicMessage(bank, inviteeConnection.id, alice, 'after restart')
      await sendBasicMessage(alice, inviterConnection.id, bank, 'after restart too')
    },
  )

  it('accepts the same invitation as a custos:// deep link, and a second accept returns the same connection', async () => {
    const alice = await start('alice')
    const bank = await start('bank')
    const invitation = await apiOf(alice)['connections.createInvitation']({ label: 'Alice at home', multiUse: true })
    expect(invitation.multiUse).toBe(true)
    const first = await apiOf(bank)['connections.acceptInvitation']({ url: invitation.deepLink })
    const again = await apiOf(bank)['connections.acceptInvitation']({ url: `  ${invitation.deepLink} ` })
    expect(again.id).toBe(first.id)
    const ready = await bank.agent.didcomm.connections.returnWhenIsConnected(first.id, { timeoutMs: 20_000 })
    expect(ready.theirLabel).toBe('Alice at home')

    expect(await apiOf(bank)['connections.remove']({ id: first.id })).toEqual({ removed: true })
    expect(await apiOf(bank)['connections.list'](undefined)).toEqual([])
    expect(await apiOf(bank)['connections.remove']({ id: first.id })).toEqual({ removed: false })
  })
})
