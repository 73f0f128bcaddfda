// Figures, not a test (issue 15, item 2): ten lenders ask at once, each its next request as soon as the
// last was answered; presentations verified per second, counted in 1 s windows, and how many requests
// were lost. JSON-LD (the mortgage request). The Custos node and the baseline (a plain Credo holder with
// autoAcceptProofs=always) live in one process and take turns in 5 s slices, 60 s each in all (10 s with
// --quick), so that a change in the shared machine's load falls on both alike.
// `node --import tsx scripts/bench/auto-answer/throughput.ts [--quick]`
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../../electron/node/askar/register'

import { quick, record } from '../results'
import { startScene, type Asker, type HolderKind, type Scene } from './scene'

const LENDERS = 10
const SLICE_SECONDS = 5
const SECONDS = quick ? 10 : 60
const KINDS: HolderKind[] = ['custos', 'credo']

interface Tally {
  perSecond: number[]
  sent: number
  lost: number
}

/** The askers' closed loops for one slice; answers are counted in the second of the slice they came in. */
async function slice(askers: Asker[], tally: Tally): Promise<void> {
  const start = performance.now()
  const end = start + SLICE_SECONDS * 1000
  const counts = Array.from({ length: SLICE_SECONDS }, () => 0)
  await Promise.all(
    askers.map(async (asker) => {
      while (performance.now() < end) {
        tally.sent++
        try {
          await asker.ask()
          const second = Math.floor((performance.now() - start) / 1000)
          if (second < SLICE_SECONDS) counts[second]++
        } catch (error) {
          tally.lost++
          console.error(`lost: ${(error as Error).message}`)
        }
      }
    }),
  )
  tally.perSecond.push(...counts)
}

const scenes: Scene[] = []
try {
  const askers: Asker[][] = []
  for (const kind of KINDS) {
    const scene = await startScene(kind, 'jsonld')
    scenes.push(scene)
    const own: Asker[] = []
    for (let i = 0; i < LENDERS; i++) own.push(await scene.addLender(`Lender ${i + 1}`))
    // One request each first, so no connection or cache is cold when the clock starts.
    await Promise.all(own.map((asker) => asker.ask()))
    askers.push(own)
  }
  const tallies: Tally[] = KINDS.map(() => ({ perSecond: [], sent: 0, lost: 0 }))
  for (let s = 0; s < SECONDS / SLICE_SECONDS; s++) {
    for (const k of KINDS.keys()) await slice(askers[k], tallies[k])
  }
  KINDS.forEach((kind, k) => {
    const { perSecond, sent, lost } = tallies[k]
    // The median is the sustained rate over all its slices; for a rate, "p95" is the rate 95% of the
    // 1 s windows reached (the slow tail), so that a ratio under 1 means slower in both columns.
    const sustained = Math.round((perSecond.reduce((a, b) => a + b, 0) / perSecond.length) * 100) / 100
    const slowTail = [...perSecond].sort((a, b) => a - b)[Math.floor(0.05 * perSecond.length)] ?? 0
    const unit = 'presentations/s'
    record({ name: `autoAnswer.throughput.${kind}`, unit, median: sustained, p95: slowTail, runs: perSecond.length })
    record({ name: `autoAnswer.lost.${kind}`, unit: 'requests', median: lost, p95: lost, runs: sent })
  })
} finally {
  for (const scene of scenes) await scene.stop()
}
process.exit(0)
