// Figures, not a test: what taking and counting queued messages costs per message as a mediator's queue
// grows (issue: it used to load every queued record on each take and count).
import 'reflect-metadata'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { InjectionSymbols } from '@credo-ts/core'

import { CustosNode } from '../../electron/node'
import type { StorageMessagePickupRepository } from '../../electron/node/mediation'

const payload = { protected: 'p'.repeat(200), iv: 'i'.repeat(16), ciphertext: 'c'.repeat(1500), tag: 't'.repeat(22) }

async function measure(queued: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'))
  const node = CustosNode.open({ dataDir: dir, kdf: 'argon2i-int', mediator: true })
  try {
    await node.createStore('a passphrase for benchmarking')
    const queue = node.agent.dependencyManager.resolve<StorageMessagePickupRepository>(
      InjectionSymbols.MessagePickupRepository,
    )
    for (let n = 0; n < queued; n++) await queue.addMessage({ connectionId: 'c', recipientDids: [], payload })
    const time = async (task: () => Promise<unknown>, rounds: number) => {
      const t = performance.now()
      for (let i = 0; i < rounds; i++) await task()
      return (performance.now() - t) / rounds
    }
    const countMs = await time(() => queue.getAvailableMessageCount({ connectionId: 'c' }), 50)
    const batchMs = await time(async () => {
      const taken = await queue.takeFromQueue({ connectionId: 'c', limit: 10 })
      await queue.removeMessages({ connectionId: 'c', messageIds: taken.map((m) => m.id) })
      await queue.addMessage({ connectionId: 'c', recipientDids: [], payload })
    }, 20)
    // Drain what is left, as a reconnecting recipient's pickup does.
    const t = performance.now()
    let drained = 0
    for (;;) {
      const taken = await queue.takeFromQueue({ connectionId: 'c', limit: 10 })
      if (taken.length === 0) break
      await queue.removeMessages({ connectionId: 'c', messageIds: taken.map((m) => m.id) })
      drained += taken.length
    }
    const drainPerSecond = Math.round(drained / ((performance.now() - t) / 1000))
    return { queued, countMs: +countMs.toFixed(3), takeAckAdd10Ms: +batchMs.toFixed(3), drainPerSecond }
  } finally {
    await node.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const rows = []
for (const queued of [10, 1_000, 10_000]) rows.push(await measure(queued))
console.table(rows)
