// One benchmark figure, as `npm run bench` collects them into bench/results/latest.json.
import fs from 'node:fs'

export interface BenchResult {
  name: string
  unit: string
  median: number
  p95: number
  runs: number
  /** The same measure for the baseline it is compared with, and this figure divided by it. */
  baseline?: { name: string; median: number; p95: number }
  ratio?: { median: number; p95: number }
}

export function summarize(samples: number[]): { median: number; p95: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  const round = (n: number) => Math.round(n * 100) / 100
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: sorted.length }
}

export function withBaseline(result: BenchResult, baseline: BenchResult): BenchResult {
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100
  return {
    ...result,
    baseline: { name: baseline.name, median: baseline.median, p95: baseline.p95 },
    ratio: { median: ratio(result.median, baseline.median), p95: ratio(result.p95, baseline.p95) },
  }
}

/** Appends to the file `npm run bench` names; a bench run on its own just prints. */
export function record(result: BenchResult): void {
  console.log(JSON.stringify(result))
  const file = process.env.CUSTOS_BENCH_RESULTS
  if (file) fs.appendFileSync(file, `${JSON.stringify(result)}\n`)
}

export const quick = process.argv.includes('--quick')
