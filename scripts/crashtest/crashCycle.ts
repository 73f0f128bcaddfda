// One crash cycle: a node in its own process takes writes through the API and messages over DIDComm,
// is killed with SIGKILL at a random moment, and is started again on the same data directory.
import type { CustosNode } from '../../electron/node'
import { NodeProcess } from '../../tests/helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../tests/helpers/processes/protocol'

export interface Acknowledged {
  /** Labels of self-declared items whose API call returned. */
  writes: string[]
  /** Contents of basic messages whose send resolved (the node answered). */
  inbound: string[]
  /** Labels of invitations (connections to be) whose API call returned. */
  invitations: string[]
}

/** Writes and sends until `stop` is set; records only what the node acknowledged. */
async function load(node: NodeProcess, sender: CustosNode, connectionId: string, cycle: number, stop: () => boolean) {
  const acked: Acknowledged = { writes: [], inbound: [], invitations: [] }
  const writes = (async () => {
    for (let n = 0; !stop(); n++) {
      const label = `c${cycle}-w${n}`
      const ok = await node.api('selfDeclared.put', { label, value: 'v' }).then(
        () => true,
        () => false,
      )
      if (ok) acked.writes.push(label)
    }
  })()
  const inbound = (async () => {
    for (let n = 0; !stop(); n++) {
      const content = `c${cycle}-m${n}`
      const ok = await sender.agent.didcomm.basicMessages.sendMessage(connectionId, content).then(
        () => true,
        () => false,
      )
      if (ok) acked.inbound.push(content)
    }
  })()
  const invitations = (async () => {
    for (let n = 0; !stop(); n++) {
      const label = `c${cycle}-i${n}`
      const ok = await node.api('connections.createInvitation', { label }).then(
        () => true,
        () => false,
      )
      if (ok) acked.invitations.push(label)
    }
  })()
  return { acked, done: Promise.all([writes, inbound, invitations]) }
}

export async function crashOnce(
  config: NodeProcessConfig,
  running: NodeProcess,
  sender: CustosNode,
  connectionId: string,
  cycle: number,
  killAfterMs: number,
): Promise<{ node: NodeProcess | undefined; acked: Acknowledged; unlockFailed: boolean; slowStart?: string }> {
  let killed = false
  const { acked, done } = await load(running, sender, connectionId, cycle, () => killed)
  await new Promise((resolve) => setTimeout(resolve, killAfterMs))
  await running.kill()
  killed = true
  await done
  try {
    // Starting again takes over the dead process's lock, unlocks the store and opens the app database.
    return { node: await NodeProcess.start(config), acked, unlockFailed: false }
  } catch (error) {
    // A loaded machine can take longer than the first wait; once more with a long one tells slow from broken.
    const why = (error as Error).message.slice(0, 300)
    try {
      return { node: await NodeProcess.start(config, 180_000), acked, unlockFailed: false, slowStart: why }
    } catch (again) {
      console.error(`restart failed: ${why}; again: ${(again as Error).message.slice(0, 300)}`)
      return { node: undefined, acked, unlockFailed: true }
    }
  }
}
