import { type DidCommEncryptedMessage } from '@credo-ts/didcomm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import {
  MediationQueueConfig,
  PersistentQueueTransportRepository,
  PICKUP_QUEUE,
  StorageMessagePickupRepository,
  type PickupQueue,
} from '../../../electron/node/mediation'
import { makeTmpDir, readTree } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'
const MARKER = 'queue-marker-7f3a9c'

// Stands in for a packed DIDComm message; the queue stores it without looking inside.
function envelope(n: number): DidCommEncryptedMessage {
  return { protected: `${MARKER}-${n}`, iv: 'iv', ciphertext: `ciphertext-${n}`, tag: 'tag' }
}

const ids = (n: number[]) => n.map((i) => `${MARKER}-${i}`)

describe('mediation: the persistent pickup queue on a real Askar store', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let node: CustosNode

  async function openNode(): Promise<PickupQueue> {
    node = CustosNode.open({ dataDir: tmp.dir, kdf: 'argon2i-int', mediator: true })
    if (node.status().state === 'no-store') await node.createStore(PASS)
    else await node.unlock(PASS)
    return node.agent.dependencyManager.resolve<PickupQueue>(PICKUP_QUEUE)
  }

  beforeEach(() => {
    tmp = makeTmpDir()
  })
  afterEach(async () => {
    await node?.close()
    tmp.cleanup()
  })

  it('replaces Credo in-memory queue and keeps arrival order, limits, deletes and counts', async () => {
    const queue = await openNode()
    expect(queue).toBeInstanceOf(StorageMessagePickupRepository)
    // What Credo 0.6 calls is the repository DidCommModule holds: ours, which goes to this queue.
    expect(node.agent.didcomm.config.queueTransportRepository).toBeInstanceOf(PersistentQueueTransportRepository)
    const didA = 'did:key:z6MkA'
    for (let n = 1; n <= 5; n++)
      await queue.addMessage({ connectionId: 'A', recipientDids: [didA], payload: envelope(n) })
    await queue.addMessage({ connectionId: 'B', recipientDids: ['did:key:z6MkB'], payload: envelope(100) })
    await queue.addMessage({ connectionId: 'A', recipientDids: ['did:key:z6MkOther'], payload: envelope(6) })

    expect(await queue.getAvailableMessageCount({ connectionId: 'A' })).toBe(6)
    expect(await queue.getAvailableMessageCount({ connectionId: 'A', recipientDid: didA })).toBe(5)
    expect(await queue.getAvailableMessageCount({ connectionId: 'B' })).toBe(1)

    const first = await queue.takeFromQueue({ connectionId: 'A', recipientDid: didA, limit: 2 })
    expect(first.map((m) => m.encryptedMessage.protected)).toEqual(ids([1, 2]))
    expect(first[0].receivedAt).toBeInstanceOf(Date)
    // Handed out, not acknowledged: reserved, so a second pickup does not get them again.
    expect(await queue.getAvailableMessageCount({ connectionId: 'A' })).toBe(4)
    const second = await queue.takeFromQueue({ connectionId: 'A', limit: 10 })
    expect(second.map((m) => m.encryptedMessage.protected)).toEqual(ids([3, 4, 5, 6]))

    // Another connection cannot remove A's messages with A's ids.
    await queue.removeMessages({ connectionId: 'B', messageIds: first.map((m) => m.id) })
    await queue.removeMessages({ connectionId: 'A', messageIds: first.map((m) => m.id) })
    const held = queue as StorageMessagePickupRepository
    expect(held.countHeld('A')).toBe(4)
    // The Household screen's age of what waits: the oldest still held, handed out or not.
    expect(held.oldestHeldAt('A')).toBe(second[0].receivedAt.getTime())
    expect(held.oldestHeldAt('nobody')).toBeUndefined()

    const deleted = await queue.takeFromQueue({ connectionId: 'B', deleteMessages: true })
    expect(deleted.map((m) => m.encryptedMessage.protected)).toEqual(ids([100]))
    expect(await queue.getAvailableMessageCount({ connectionId: 'B' })).toBe(0)
    expect(await queue.takeFromQueue({ connectionId: 'A', limit: 0 })).toEqual([])
  })

  it('survives close and reopen: unacknowledged messages come back, new ones queue after them', async () => {
    let queue = await openNode()
    for (let n = 1; n <= 3; n++) await queue.addMessage({ connectionId: 'A', recipientDids: [], payload: envelope(n) })
    const taken = await queue.takeFromQueue({ connectionId: 'A', limit: 2 })
    await queue.removeMessages({ connectionId: 'A', messageIds: [taken[0].id] })
    await node.close()

    // Encrypted at rest: neither the payload nor the tags appear in the store's bytes.
    for (const [file, bytes] of readTree(tmp.dir)) {
      expect(bytes.includes(MARKER), file).toBe(false)
    }

    queue = await openNode()
    expect(await queue.getAvailableMessageCount({ connectionId: 'A' })).toBe(2)
    await queue.addMessage({ connectionId: 'A', recipientDids: [], payload: envelope(4) })
    const all = await queue.takeFromQueue({ connectionId: 'A', deleteMessages: true })
    expect(all.map((m) => m.encryptedMessage.protected)).toEqual(ids([2, 3, 4]))
    expect(await queue.getAvailableMessageCount({ connectionId: 'A' })).toBe(0)
  })

  it('is safe under concurrent adds and takes, and releases a reservation after its lease', async () => {
    await openNode()
    const queue = new StorageMessagePickupRepository(node.agent.context, new MediationQueueConfig({ leaseMs: 300 }))
    const numbers = Array.from({ length: 20 }, (_, i) => i + 1)
    await Promise.all(
      numbers.map((n) => queue.addMessage({ connectionId: 'A', recipientDids: [], payload: envelope(n) })),
    )
    const batches = await Promise.all([1, 2, 3, 4].map(() => queue.takeFromQueue({ connectionId: 'A', limit: 5 })))
    const handedOut = batches.flat().map((m) => m.encryptedMessage.protected)
    expect(handedOut).toEqual(ids(numbers))
    expect(await queue.getAvailableMessageCount({ connectionId: 'A' })).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(await queue.getAvailableMessageCount({ connectionId: 'A' })).toBe(20)
  })
})
