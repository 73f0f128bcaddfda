import { afterAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { freePort } from '../../helpers/freePort'
import { PASS, startNode } from '../../helpers/nodes'
import { NodeProcess } from '../../helpers/processes/NodeProcess'
import { makeTmpDir } from '../../helpers/tmpDir'

// The receiving node in its own process, killed with SIGKILL in the middle of a flood; a plain Credo
// sender in this one. Every message whose send resolved (the node answered) is there once after restart.
describe('the inbound spool across a SIGKILL', () => {
  const tmp = makeTmpDir()
  let receiver: NodeProcess | undefined
  let sender: CustosNode | undefined
  afterAll(async () => {
    await receiver?.stop()
    await sender?.close()
    tmp.cleanup()
  })

  it('processes every acknowledged message of a flood of 500 exactly once after the restart', async () => {
    const config = { dataDir: `${tmp.dir}/receiver`, label: 'receiver', passphrase: PASS, port: await freePort() }
    receiver = await NodeProcess.start(config)
    sender = await startNode(`${tmp.dir}/sender`, { label: 'sender' })
    const invitation = await receiver.request<string>({ cmd: 'createInvitation' })
    const { connectionRecord } = await sender.agent.didcomm.oob.receiveInvitationFromUrl(invitation, {
      label: 'sender',
    })
    const connection = await sender.agent.didcomm.connections.returnWhenIsConnected(connectionRecord!.id, {
      timeoutMs: 20_000,
    })

    const contents = Array.from({ length: 500 }, (_, n) => `flood ${n}`)
    const acknowledged: string[] = []
    const sends = contents.map((content) =>
      sender!.agent.didcomm.basicMessages.sendMessage(connection.id, content).then(
        () => acknowledged.push(content),
        () => undefined,
      ),
    )
    // Killed once a hundred were processed, while the rest are in flight or waiting in the spool.
    const running = receiver
    while (running.events.filter((e) => e.event === 'basicMessage').length < 100) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await running.kill()
    await Promise.all(sends)
    receiver = await NodeProcess.start(config)
    const expected = new Set(acknowledged)
    let stored: string[] = []
    for (let i = 0; i < 300; i++) {
      stored = (await receiver.request<{ stored: string[] }>({ cmd: 'received' })).stored
      if ([...expected].every((content) => stored.includes(content))) break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    console.log(`flood of 500: ${acknowledged.length} acknowledged before/after the kill, ${stored.length} stored`)
    expect(acknowledged.length).toBeGreaterThan(0)
    for (const content of expected) expect(stored, content).toContain(content)
    expect(stored.length).toBe(new Set(stored).size)
  })
})
