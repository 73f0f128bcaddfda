// Figures, not a test (issue 9): how fast a desktop takes messages its mediator queued while it was away,
// against how fast the same desktop processes messages sent to its own endpoint. Target: the drain at
// no less than 90% of the direct rate. Three node processes, real sockets on 127.0.0.1.
// `node --import tsx scripts/bench/mediation-drain.ts [--quick]`
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../tests/helpers/freePort'
import { NodeProcess } from '../../tests/helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../tests/helpers/processes/protocol'
import { record } from './results'

const COUNT = process.argv.includes('--quick') ? 1_000 : 10_000
const PASS = 'a passphrase for benchmarking'

// Ten senders at once: the last number may come before others; the time is until all have arrived
// (counted from the node's own events, so counting costs the node nothing).
async function allStored(node: NodeProcess): Promise<number> {
  const arrived = () => node.events.filter((e) => e.event === 'basicMessage').length
  for (let i = 0; i < 36_000 && arrived() < COUNT; i++) await new Promise((resolve) => setTimeout(resolve, 25))
  return arrived()
}

async function connectCompany(company: NodeProcess, desktop: NodeProcess): Promise<string> {
  const invitation = await desktop.request<string>({ cmd: 'createInvitation' })
  return company.request<string>({ cmd: 'acceptInvitation', url: invitation })
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-drain-'))
  const config = (name: string, extra: Partial<NodeProcessConfig>): NodeProcessConfig => ({
    dataDir: path.join(dir, name),
    label: name,
    passphrase: PASS,
    ...extra,
  })
  const mediatorConfig = config('mediator', { port: await freePort(), mediator: true })
  const desktopConfig = config('desktop', { pollingIntervalMs: 600_000 })
  const [mediator, company, direct] = await Promise.all([
    NodeProcess.start(mediatorConfig),
    NodeProcess.start(config('company', { port: await freePort() })),
    NodeProcess.start(config('direct', { port: await freePort() })),
  ])
  let desktop = await NodeProcess.start(desktopConfig)
  try {
    // Direct: the company sends to a desktop with its own endpoint, ten at a time.
    const toDirect = await connectCompany(company, direct)
    let started = performance.now()
    await company.request({ cmd: 'sendNumbered', connectionId: toDirect, from: 1, to: COUNT, concurrency: 10 }, 900_000)
    await allStored(direct)
    const directPerS = COUNT / ((performance.now() - started) / 1000)

    // Drain: the same number queued at the mediator while the desktop is away, then the desktop starts.
    const device = await mediator.api('mediation.createDeviceInvitation')
    await desktop.api('mediation.useMediator', { invitationUrl: device.url })
    const toDesktop = await connectCompany(company, desktop)
    await desktop.stop()
    started = performance.now()
    await company.request(
      { cmd: 'sendNumbered', connectionId: toDesktop, from: 1, to: COUNT, concurrency: 10 },
      900_000,
    )
    const queuedS = (performance.now() - started) / 1000
    started = performance.now()
    desktop = await NodeProcess.start(desktopConfig)
    const stored = await allStored(desktop)
    const drainPerS = COUNT / ((performance.now() - started) / 1000)
    // One run each: a figure per run is what a 10,000-message drain allows in a few minutes.
    record({
      name: 'mediation.direct',
      unit: 'msg/s',
      median: Math.round(directPerS),
      p95: Math.round(directPerS),
      runs: 1,
    })
    record({
      name: 'mediation.drain',
      unit: 'msg/s',
      median: Math.round(drainPerS),
      p95: Math.round(drainPerS),
      runs: 1,
    })
    console.table({
      messages: COUNT,
      'direct (msg/s)': Math.round(directPerS),
      'queued at mediator (msg/s)': Math.round(COUNT / queuedS),
      'drain incl. start-up (msg/s)': Math.round(drainPerS),
      'drain / direct': +(drainPerS / directPerS).toFixed(2),
      'stored at desktop': stored,
    })
  } finally {
    await Promise.all([mediator.stop(), company.stop(), direct.stop(), desktop.stop()])
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
