// Figures, not a test: how long creating and unlocking a store takes with each passphrase KDF.
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../electron/node/askar/register'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { CustosNode } from '../../electron/node'
import { quick, record, summarize } from './results'

async function measure(kdf: 'argon2i-mod' | 'argon2i-int', rounds: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-'))
  try {
    const node = CustosNode.open({ dataDir: dir, kdf })
    let t = performance.now()
    await node.createStore('a passphrase for benchmarking')
    const createMs = performance.now() - t
    await node.lock()
    const unlockMs: number[] = []
    for (let i = 0; i < rounds; i++) {
      t = performance.now()
      await node.unlock('a passphrase for benchmarking')
      unlockMs.push(performance.now() - t)
      await node.lock()
    }
    await node.close()
    record({ name: `coldStart.unlock.${kdf}`, unit: 'ms', ...summarize(unlockMs) })
    unlockMs.sort((a, b) => a - b)
    return { kdf, createMs: Math.round(createMs), unlockMedianMs: Math.round(unlockMs[Math.floor(rounds / 2)]) }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

for (const kdf of ['argon2i-mod', 'argon2i-int'] as const)
  console.log(JSON.stringify(await measure(kdf, quick ? 3 : 7)))
