// Figures, not a test: what taking and counting queued messages costs as a mediator's queue grows
// (issue 9: the Askar-record queue loaded every queued record on each take and count). Flat columns
// from 10 to 10,000 queued are the target. `node --import tsx scripts/bench/mediation-queue.ts`
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../electron/node/askar/register'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { CustosNode } from '../../electron/node'
import { PICKUP_QUEUE, type PickupQueue } from '../../electron/node/mediation'

const payload = { protected: 'p'.repeat(200), iv: 'i'.repeat(16), ciphertext: 'c'.repeat(1500), tag: 't'.repeat(22) }
// Two keys of one mediated node, as Credo makes one per connection: recipient-filtered pickups are common.
const keys = ['did:key:z6MkBenchA', 'did:key:z6MkBenchB']
// The old queue drained 10,000 in quadratic time; a rate over the first seconds is enough to compare.
const DRAIN_CAP_MS = 30_000

async function time(task: () => unknown, rounds: number): Promise<number> {
  const t = performance.now()
  for (let i = 0; i < rounds; i++) await task()
  return +((performance.now() - t) / rounds).toFixed(2)
}

async function measure(queued: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'))
  const node = CustosNode.open({ dataDir: dir, kdf: 'argon2i-int', mediator: true })
  try {
    await node.createStore('a passphrase for benchmarking')
    const queue = node.agent.dependencyManager.resolve<PickupQueue>(PICKUP_QUEUE)
    const add = (n: number) => queue.addMessage({ connectionId: 'c', recipientDids: [keys[n % 2]], payload })
    for (let n = 0; n < queued; n++) await add(n)
    const countMs = await time(() => queue.getAvailableMessageCount({ connectionId: 'c' }), 20)
    const countKeyMs = await time(
      () => queue.getAvailableMessageCount({ connectionId: 'c', recipientDid: keys[0] }),
      20,
    )
    // One pickup v2 round at a steady queue size: take a batch and acknowledge it (timed), then as many
    // forwards arrive (timed apart: each add checks the recipient's quota).
    const rounds = async (recipientDid?: string) => {
      let takeMs = 0
      let addMs = 0
      for (let i = 0; i < 10; i++) {
        let t = performance.now()
        const taken = await queue.takeFromQueue({ connectionId: 'c', recipientDid, limit: 10 })
        await queue.removeMessages({ connectionId: 'c', messageIds: taken.map((m) => m.id) })
        takeMs += performance.now() - t
        t = performance.now()
        for (let n = 0; n < taken.length; n++) await add(n)
        addMs += (performance.now() - t) / taken.length
      }
      return [+(takeMs / 10).toFixed(2), +(addMs / 10).toFixed(2)]
    }
    const [take10Ms, addMs] = await rounds()
    const [take10KeyMs] = await rounds(keys[0])
    const t = performance.now()
    let drained = 0
    while (performance.now() - t < DRAIN_CAP_MS) {
      const taken = await queue.takeFromQueue({ connectionId: 'c', limit: 10 })
      if (taken.length === 0) break
      await queue.removeMessages({ connectionId: 'c', messageIds: taken.map((m) => m.id) })
      drained += taken.length
    }
    const drainPerS = Math.round(drained / ((performance.now() - t) / 1000))
    return { queued, countMs, countKeyMs, take10Ms, take10KeyMs, addMs, drained, drainPerS }
  } finally {
    await node.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const rows = []
for (const queued of [10, 1_000, 10_000]) rows.push(await measure(queued))
console.table(rows)
