import type { DidCommEncryptedMessage } from '@credo-ts/didcomm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CustosNode } from '../../../electron/node'
import { MediationQueueConfig, StorageMessagePickupRepository } from '../../../electron/node/mediation'
import { PASS } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const envelope = (n: number, size = 10): DidCommEncryptedMessage => ({
  protected: `m-${n}`,
  iv: 'iv',
  ciphertext: 'x'.repeat(size),
  tag: 'tag',
})

// The queue is a mediator's disk exposure to whoever may send it forwards: bounded per recipient, and
// what nobody picks up is dropped in time. Real store, real app database.
describe('mediation: quotas and expiry of the pickup queue', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  const queueWith = (options: ConstructorParameters<typeof MediationQueueConfig>[0]) =>
    new StorageMessagePickupRepository(node.agent.context, new MediationQueueConfig(options))

  beforeAll(async () => {
    node = CustosNode.open({ dataDir: tmp.dir, kdf: 'argon2i-int', mediator: true })
    await node.createStore(PASS)
  })
  afterAll(async () => {
    await node.close()
    tmp.cleanup()
  })

  it('refuses a forward over the message quota of its recipient, keeping what was queued and others', async () => {
    const queue = queueWith({ maxMessagesPerRecipient: 3 })
    for (let n = 1; n <= 3; n++)
      await queue.addMessage({ connectionId: 'full', recipientDids: [], payload: envelope(n) })
    await expect(
      queue.addMessage({ connectionId: 'full', recipientDids: [], payload: envelope(4) }),
    ).rejects.toMatchObject({ name: 'RecipientQueueFullError', reason: 'not accepted' })
    expect(queue.countHeld('full')).toBe(3)
    await queue.addMessage({ connectionId: 'other', recipientDids: [], payload: envelope(5) })
    expect(queue.countHeld('other')).toBe(1)
  })

  it('refuses a forward over the byte quota', async () => {
    const queue = queueWith({ maxBytesPerRecipient: 2_000 })
    await queue.addMessage({ connectionId: 'bytes', recipientDids: [], payload: envelope(1, 1_000) })
    await expect(
      queue.addMessage({ connectionId: 'bytes', recipientDids: [], payload: envelope(2, 1_000) }),
    ).rejects.toMatchObject({ name: 'RecipientQueueFullError' })
    expect(queue.countHeld('bytes')).toBe(1)
  })

  it('drops messages older than the expiry when new ones arrive', async () => {
    const queue = queueWith({ expiryMs: 50 })
    await queue.addMessage({ connectionId: 'old', recipientDids: [], payload: envelope(1) })
    await new Promise((resolve) => setTimeout(resolve, 80))
    await queue.addMessage({ connectionId: 'new', recipientDids: [], payload: envelope(2) })
    expect(queue.countHeld('old')).toBe(0)
    expect(queue.countHeld('new')).toBe(1)
  })

  it('keeps a handed-out message reserved for minutes by default, so a slow acknowledgement brings no duplicate', async () => {
    expect(new MediationQueueConfig().leaseMs).toBeGreaterThanOrEqual(300_000)
    const queue = queueWith({})
    await queue.addMessage({ connectionId: 'slow', recipientDids: [], payload: envelope(1) })
    expect(await queue.takeFromQueue({ connectionId: 'slow' })).toHaveLength(1)
    expect(await queue.takeFromQueue({ connectionId: 'slow' })).toHaveLength(0)
    expect(queue.countHeld('slow')).toBe(1)
  })
})
