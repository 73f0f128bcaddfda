// Figures, not a test (issue 15, item 2): ten lenders ask at once, each its next request as soon as the
// last was answered, for 60 s (10 s with --quick); presentations verified per second, counted in 1 s
// windows, and how many requests were lost. JSON-LD (the mortgage request). Once per holder, each in its
// own process: `node --import tsx scripts/bench/auto-answer/throughput.ts --holder custos|credo [--quick]`
import 'reflect-metadata'

import { parseArgs } from 'node:util'

import { quick, record } from '../results'
import { holderKindOf, startScene, type Asker } from './scene'

const { values } = parseArgs({ options: { holder: { type: 'string' }, quick: { type: 'boolean' } } })
const kind = holderKindOf(values.holder)
const LENDERS = 10
const SECONDS = quick ? 10 : 60

const scene = await startScene(kind, 'jsonld')
try {
  const askers: Asker[] = []
  for (let i = 0; i < LENDERS; i++) askers.push(await scene.addLender(`Lender ${i + 1}`))
  // One request each first, so no connection or cache is cold when the clock starts.
  await Promise.all(askers.map((asker) => asker.ask()))

  const start = performance.now()
  const end = start + SECONDS * 1000
  const answeredAt: number[] = []
  let sent = 0
  let lost = 0
  await Promise.all(
    askers.map(async (asker) => {
      while (performance.now() < end) {
        sent++
        try {
          await asker.ask()
          answeredAt.push(performance.now())
        } catch (error) {
          lost++
          console.error(`lost: ${(error as Error).message}`)
        }
      }
    }),
  )
  // Rates in the windows that lie wholly inside the run; answers to the last requests come after `end`.
  const perSecond = Array.from({ length: SECONDS }, () => 0)
  for (const at of answeredAt) {
    const second = Math.floor((at - start) / 1000)
    if (second < SECONDS) perSecond[second]++
  }
  // The median is the sustained rate over the whole run; for a rate, "p95" is the rate 95% of the 1 s
  // windows reached (the slow tail), so that a ratio under 1 means slower in both columns.
  const sustained = Math.round((perSecond.reduce((a, b) => a + b, 0) / SECONDS) * 100) / 100
  const slowTail = [...perSecond].sort((a, b) => a - b)[Math.floor(0.05 * SECONDS)] ?? 0
  record({
    name: `autoAnswer.throughput.${kind}`,
    unit: 'presentations/s',
    median: sustained,
    p95: slowTail,
    runs: SECONDS,
  })
  record({ name: `autoAnswer.lost.${kind}`, unit: 'requests', median: lost, p95: lost, runs: sent })
  console.log(JSON.stringify({ kind, sent, answered: answeredAt.length, lost, seconds: SECONDS }))
} finally {
  await scene.stop()
}
process.exit(0)
