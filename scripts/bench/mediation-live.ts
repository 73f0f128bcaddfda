// Figures, not a test (issue 15, item 4): messages forwarded through a Custos mediator to a desktop in
// live mode (pickup v2 over its WebSocket): the delivery latency of one message at a time (median, p95)
// and the rate of a burst sent ten at a time. The drain after a restart is mediation-drain.ts.
// `node --import tsx scripts/bench/mediation-live.ts [--quick]`
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startMediatedDesktop } from '../../tests/helpers/processes/mediatedDesktop'
import { quick, record, summarize } from './results'

const SEQUENTIAL = quick ? 50 : 300
const BURST = quick ? 300 : 2_000
const PASS = 'a passphrase for benchmarking'

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-live-'))
  const { mediator, company, desktop, companyToDesktop: connectionId } = await startMediatedDesktop(dir, PASS)
  try {
    const arrived = (content: string) => (e: { event: string; content?: string }) =>
      e.event === 'basicMessage' && e.content === content

    // One at a time: from the company's send to the desktop's stored record, through the mediator.
    const latencies: number[] = []
    for (let n = 1; n <= SEQUENTIAL; n++) {
      const sentAt = Date.now()
      await company.request({ cmd: 'sendNumbered', connectionId, from: n, to: n })
      const event = await desktop.waitForEvent(arrived(`${n}`), 60_000)
      if (event.event === 'basicMessage') latencies.push(event.at - sentAt)
    }
    record({ name: 'mediation.live.latency', unit: 'ms', ...summarize(latencies) })

    const from = SEQUENTIAL + 1
    const to = SEQUENTIAL + BURST
    const started = performance.now()
    await company.request({ cmd: 'sendNumbered', connectionId, from, to, concurrency: 10 }, 900_000)
    const countArrived = () => desktop.events.filter((e) => e.event === 'basicMessage').length
    for (let i = 0; i < 36_000 && countArrived() < to; i++) await new Promise((resolve) => setTimeout(resolve, 25))
    const perS = Math.round((countArrived() - SEQUENTIAL) / ((performance.now() - started) / 1000))
    record({ name: 'mediation.live.forwards', unit: 'msg/s', median: perS, p95: perS, runs: 1 })
    console.table({
      'sequential latency median (ms)': summarize(latencies).median,
      'sequential latency p95 (ms)': summarize(latencies).p95,
      'burst (msg/s)': perS,
      'burst arrived': countArrived() - SEQUENTIAL,
      'burst sent': BURST,
    })
  } finally {
    await Promise.all([mediator.stop(), company.stop(), desktop.stop()])
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
