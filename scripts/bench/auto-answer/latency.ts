// Figures, not a test (issue 15, item 1): a lender's proof request answered at once, from sending it to
// holding the verified presentation, one request at a time, against two holders in the same process:
//   custos  a Custos node answering through its standing consent policy (evaluation, history)
//   credo   the baseline: a plain Credo agent with autoAcceptProofs=always holding the same credentials
// Their requests alternate, so a change in the machine's load (it is shared) falls on both alike.
// `node --import tsx scripts/bench/auto-answer/latency.ts --format jsonld|sd-jwt [--quick]`
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../../electron/node/askar/register'

import { parseArgs } from 'node:util'

import { quick, record, summarize } from '../results'
import { formatOf } from './formats'
import { startScene, type Asker, type HolderKind, type Scene } from './scene'

const { values } = parseArgs({ options: { format: { type: 'string' }, quick: { type: 'boolean' } } })
const format = formatOf(values.format)
// The first requests warm caches (JSON-LD contexts, DID resolution, JIT) and are left out.
const WARM_UP = 5
const REQUESTS = quick ? 40 : 200
const KINDS: HolderKind[] = ['custos', 'credo']

const scenes: Scene[] = []
try {
  const askers: Asker[] = []
  for (const kind of KINDS) {
    const scene = await startScene(kind, format)
    scenes.push(scene)
    askers.push(await scene.addLender('Lender'))
  }
  const latencies: number[][] = KINDS.map(() => [])
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    for (const [k, asker] of askers.entries()) {
      const ms = await asker.ask()
      if (i >= WARM_UP) latencies[k].push(ms)
    }
  }
  KINDS.forEach((kind, k) =>
    record({ name: `autoAnswer.latency.${format}.${kind}`, unit: 'ms', ...summarize(latencies[k]) }),
  )
} finally {
  for (const scene of scenes) await scene.stop()
}
process.exit(0)
