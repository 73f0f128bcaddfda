import fs from 'node:fs'

import { DidCommBasicMessageRole } from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { freshKey, pack } from '../../helpers/envelopes'
import { apiOf, connect, PASS, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

async function receivedContents(node: CustosNode, prefix: string, expected: number, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const records = await node.agent.didcomm.basicMessages.findAllByQuery({ role: DidCommBasicMessageRole.Receiver })
    const mine = records.filter((r) => r.content.startsWith(prefix))
    if (mine.length >= expected || Date.now() > deadline) {
      // Records stored within one millisecond tie on createdAt; the sender's sentTime (sent one after
      // another) then says which came first.
      const at = (r: (typeof mine)[number]) => [r.createdAt.getTime(), new Date(r.sentTime).getTime()]
      return mine.sort((a, b) => at(a)[0] - at(b)[0] || at(a)[1] - at(b)[1]).map((r) => r.content)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

// Credo's HTTP sender counts any answer as delivered, so what the node acknowledges it must keep, and
// what a well-behaved sender sends it must not drop. The sender is a plain Credo outbound transport.
describe('the inbound spool: sent means kept', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  let sender: CustosNode
  let senderToNode: string

  beforeAll(async () => {
    node = await startNode(`${tmp.dir}/node`, { label: 'node' })
    sender = await startNode(`${tmp.dir}/company`, { label: 'company' })
    senderToNode = (await connect(node, sender)).inviteeConnection.id
  })
  afterAll(async () => {
    await node?.close()
    await sender?.close()
    tmp.cleanup()
  })

  it('takes 1,000 messages sent at once, and every one arrives once', async () => {
    const contents = Array.from({ length: 1_000 }, (_, n) => `burst ${n}`)
    await Promise.all(contents.map((content) => sender.agent.didcomm.basicMessages.sendMessage(senderToNode, content)))
    const received = await receivedContents(node, 'burst ', contents.length)
    expect(received.length).toBe(contents.length)
    expect(new Set(received)).toEqual(new Set(contents))
    expect(fs.readdirSync(node.layout.spoolDir).filter((f) => f.endsWith('.json'))).toEqual([])
  })

  it('keeps 100 messages sent while the store is locked and processes them after unlock, in order', async () => {
    await node.lock()
    const contents = Array.from({ length: 100 }, (_, n) => `locked ${String(n).padStart(3, '0')}`)
    for (const content of contents) await sender.agent.didcomm.basicMessages.sendMessage(senderToNode, content)
    expect(fs.readdirSync(node.layout.spoolDir).filter((f) => f.endsWith('.json'))).toHaveLength(100)
    await node.unlock(PASS)
    expect(await receivedContents(node, 'locked ', contents.length)).toEqual(contents)
  })

  it('moves what cannot be processed to the dead letters with its reason, and goes on with the rest', async () => {
    await node.lock()
    // An envelope well formed on the outside but for a key this node does not hold.
    const key = await freshKey(sender.agent.context)
    const foreign = await pack(sender.agent.context, { '@type': 'x', '@id': 'y' }, [key], null)
    const endpoint = node.endpoints!.find((e) => e.startsWith('http'))!
    const answer = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/didcomm-envelope-enc' },
      body: JSON.stringify(foreign),
    })
    expect(answer.status).toBe(202)
    await sender.agent.didcomm.basicMessages.sendMessage(senderToNode, 'after the bad one')
    await node.unlock(PASS)
    expect(await receivedContents(node, 'after the bad one', 1)).toEqual(['after the bad one'])
    const dead = await apiOf(node)['inbox.listDeadLetters'](undefined)
    expect(dead.letters).toEqual([
      expect.objectContaining({ reason: 'cannot decrypt', remote: expect.stringContaining('127.0.0.1'), kept: false }),
    ])
  })
})
