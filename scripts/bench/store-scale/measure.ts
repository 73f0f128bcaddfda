import { record, summarize } from '../results'

/** Runs `work` `runs` times after `warm` untimed runs (caches, JIT), and records its times as `name`. */
export async function measure(name: string, runs: number, work: () => unknown, warm = 1): Promise<number> {
  // A heap left full by the step before (100,000 disclosures listed) would put its collection on this one.
  ;(globalThis as { gc?: () => void }).gc?.()
  for (let i = 0; i < warm; i++) await work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await work()
    times.push(performance.now() - t)
  }
  const summary = summarize(times)
  record({ name, unit: 'ms', ...summary })
  return summary.p95
}

export function mib(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10
}
