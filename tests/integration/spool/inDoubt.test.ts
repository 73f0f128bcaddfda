import fs from 'node:fs'
import path from 'node:path'

import { DidCommBasicMessageRole } from '@credo-ts/didcomm'
import { afterAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { connect, PASS, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const received = async (node: CustosNode) =>
  (await node.agent.didcomm.basicMessages.findAllByQuery({ role: DidCommBasicMessageRole.Receiver }))
    .map((r) => r.content)
    .sort()

async function waitFor(node: CustosNode, count: number): Promise<void> {
  for (let i = 0; i < 300 && (await received(node)).length < count; i++) await new Promise((r) => setTimeout(r, 100))
}

// The moment a SIGKILL can fall into, made exact: handlers have saved their records, and then the node
// dies before the message ids reach `seen-ids` and before the spool entries are removed. The spool and
// the seen-ids file are put back to that state by hand; the store is the one the handlers wrote.
describe('spooled envelopes left by a process that died after processing them', () => {
  const tmp = makeTmpDir()
  const nodes: CustosNode[] = []
  afterAll(async () => {
    for (const node of nodes) await node.close().catch(() => undefined)
    tmp.cleanup()
  })

  it('are recognised in the store and not stored twice; one whose record is missing is processed again', async () => {
    const dir = path.join(tmp.dir, 'receiver')
    const receiver = await startNode(dir, { label: 'receiver' })
    const sender = await startNode(path.join(tmp.dir, 'sender'), { label: 'sender' })
    nodes.push(receiver, sender)
    const senderToReceiver = (await connect(receiver, sender)).inviteeConnection.id

    await receiver.lock()
    const contents = ['in doubt 1', 'in doubt 2', 'in doubt 3']
    for (const content of contents) await sender.agent.didcomm.basicMessages.sendMessage(senderToReceiver, content)
    const spoolDir = receiver.layout.spoolDir
    const left = fs.readdirSync(spoolDir).filter((f) => f.endsWith('.json'))
    const copies = left.map((f) => [f, fs.readFileSync(path.join(spoolDir, f))] as const)
    await receiver.unlock(PASS)
    await waitFor(receiver, contents.length)
    expect(await received(receiver)).toEqual(contents)

    // One handler's save is undone, as if the node had died before it: that message must come back.
    const lost = (await receiver.agent.didcomm.basicMessages.findAllByQuery({})).find(
      (r) => r.content === 'in doubt 2',
    )!
    await receiver.agent.didcomm.basicMessages.deleteById(lost.id)
    await receiver.close()
    for (const [file, bytes] of copies) fs.writeFileSync(path.join(spoolDir, file), bytes)
    fs.writeFileSync(path.join(spoolDir, 'seen-ids'), '')

    const restarted = await startNode(dir, { label: 'receiver' })
    nodes.push(restarted)
    for (let i = 0; i < 300 && fs.readdirSync(spoolDir).some((f) => f.endsWith('.json')); i++) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(fs.readdirSync(spoolDir).filter((f) => f.endsWith('.json'))).toEqual([])
    expect(await received(restarted)).toEqual(contents)
    expect(fs.readdirSync(path.join(spoolDir, 'dead'))).toEqual([])
  })
})
