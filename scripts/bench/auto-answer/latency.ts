// Figures, not a test (issue 15, item 1): a lender's proof request answered at once, from sending it to
// holding the verified presentation, one request at a time. Run once per holder, each in its own process:
//   --holder custos  a Custos node answering through its standing consent policy (evaluation, history)
//   --holder credo   the baseline: a plain Credo agent with autoAcceptProofs=always holding the same credentials
// `node --import tsx scripts/bench/auto-answer/latency.ts --format jsonld|sd-jwt --holder custos|credo [--quick]`
import 'reflect-metadata'

import { parseArgs } from 'node:util'

import { quick, record, summarize } from '../results'
import { formatOf } from './formats'
import { holderKindOf, startScene } from './scene'

const { values } = parseArgs({
  options: { format: { type: 'string' }, holder: { type: 'string' }, quick: { type: 'boolean' } },
})
const format = formatOf(values.format)
const kind = holderKindOf(values.holder)
// The first requests warm caches (JSON-LD contexts, DID resolution, JIT) and are left out.
const WARM_UP = 5
const REQUESTS = quick ? 40 : 200

const scene = await startScene(kind, format)
try {
  const lender = await scene.addLender('Lender')
  const latencies: number[] = []
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const ms = await lender.ask()
    if (i >= WARM_UP) latencies.push(ms)
  }
  record({ name: `autoAnswer.latency.${format}.${kind}`, unit: 'ms', ...summarize(latencies) })
} finally {
  await scene.stop()
}
process.exit(0)
