// `npm run bench [-- --quick]`: each benchmark in its own process (memory figures do not mix, and an
// Askar binding registers once per process); their figures are collected into bench/results/latest.json
// with the baseline and ratio where there is one, and printed as a table. Benchmarks measure; they
// never fail the test suite.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withBaseline, type BenchResult } from './results'

const here = path.dirname(fileURLToPath(import.meta.url))
// `--only A,B` runs the benchmarks whose script path contains A or B (e.g. auto-answer); the rest is passed on.
const args = process.argv.slice(2)
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',') : undefined
const extra = onlyAt >= 0 ? args.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : args
const benches: string[][] = [
  ['vault-unlock.ts'],
  ['cold-start.ts'],
  ['askar-stress.ts'],
  ['mediation-queue.ts'],
  ['mediation-drain.ts'],
  ['mediation-live.ts'],
  ['mediation-postgres.ts'],
  ['messaging.ts', '--pair', 'custos'],
  ['messaging.ts', '--pair', 'credo-koffi'],
  ['messaging.ts', '--pair', 'credo-ffi'],
  // Each with its Credo baseline in the same process, taking turns with it.
  ['auto-answer/latency.ts', '--format', 'jsonld'],
  ['auto-answer/latency.ts', '--format', 'sd-jwt'],
  ['auto-answer/throughput.ts'],
  // OpenID4VP 1.0 answered by policy, against a plain Credo 0.6.3 holder (issue 31).
  ['auto-answer/openid4vp.ts'],
  ['store-scale/scale.ts'],
  // My data's index at 100,000 (issue 26).
  ['store-scale/myDataIndex.ts'],
  // A `serve` process under 64 x 30 MB at once and 8 x 64 x 4 MB undecryptable envelopes (issue 28).
  ['inbound-flood.ts'],
  // A joint application answered by two household members by policy, through their household node (issue 23).
  ['joint-application.ts'],
]
// What each figure is compared with, measured in the same run.
const baselines: Record<string, string[]> = {
  'messaging.latency.custos': ['messaging.latency.credo-koffi', 'messaging.latency.credo-ffi'],
  'messaging.burst.custos': ['messaging.burst.credo-koffi', 'messaging.burst.credo-ffi'],
  'mediation.drain': ['mediation.direct'],
  'mediation.live.forwards': ['mediation.direct'],
  'autoAnswer.latency.jsonld.custos': ['autoAnswer.latency.jsonld.credo'],
  'autoAnswer.latency.sd-jwt.custos': ['autoAnswer.latency.sd-jwt.credo'],
  'autoAnswer.throughput.custos': ['autoAnswer.throughput.credo'],
  'autoAnswer.latency.openid4vp': ['autoAnswer.latency.openid4vp.credo'],
}

const collected = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-')), 'results.jsonl')
let failed = 0
for (const [script, ...options] of benches.filter(([script]) => !only || only.some((part) => script.includes(part)))) {
  console.log(`# ${[script, ...options].join(' ')}`)
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(here, script), ...options, ...extra],
    {
      stdio: 'inherit',
      env: { ...process.env, CUSTOS_BENCH_RESULTS: collected },
    },
  )
  if (run.status !== 0) failed++
}

const results = fs.existsSync(collected)
  ? fs
      .readFileSync(collected, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as BenchResult)
  : []
const byName = new Map(results.map((result) => [result.name, result]))
const compared = results.flatMap((result) => {
  const against = (baselines[result.name] ?? []).map((name) => byName.get(name)).filter((b) => b !== undefined)
  return against.length ? against.map((baseline) => withBaseline(result, baseline)) : [result]
})
const report = {
  createdAt: new Date().toISOString(),
  quick: extra.includes('--quick'),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  results: compared,
}
// A partial run (--only) must not replace the full run's figures that README's table quotes.
const out = path.resolve(here, `../../bench/results/${only ? 'partial' : 'latest'}.json`)
fs.mkdirSync(path.dirname(out), { recursive: true })
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
console.table(
  compared.map((r) => ({
    name: r.name,
    unit: r.unit,
    median: r.median,
    p95: r.p95,
    runs: r.runs,
    baseline: r.baseline?.name ?? '',
    'ratio (median)': r.ratio?.median ?? '',
    'ratio (p95)': r.ratio?.p95 ?? '',
  })),
)
console.log(`written to ${path.relative(process.cwd(), out)}`)
process.exit(failed ? 1 : 0)
