// Figures, not a test (issue 14): forwards a mediator accepts per second for a recipient that is away,
// with one, two and three instances on one PostgreSQL (a round-robin TCP proxy in front, as a reverse
// proxy would be), and the single-instance SQLite mediator, in one run. Needs Debian's PostgreSQL.
// `node --import tsx scripts/bench/mediation-postgres.ts [--quick]`
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../tests/helpers/freePort'
import { startPostgres, type TestPostgres } from '../../tests/helpers/postgres'
import { NodeProcess } from '../../tests/helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../tests/helpers/processes/protocol'
import { TcpSwitch } from '../../tests/helpers/tcpSwitch'

const COUNT = process.argv.includes('--quick') ? 300 : 1_000
const CONCURRENCY = 20
const PASS = 'a passphrase for benchmarking'
const START_MS = 180_000

interface Figure {
  mediator: string
  forwards: number
  seconds: number
  perSecond: number
}

async function measure(name: string, instances: number, pg: TestPostgres | undefined, dir: string): Promise<Figure> {
  const proxy = await TcpSwitch.start()
  const config = (label: string, extra: Partial<NodeProcessConfig>): NodeProcessConfig => ({
    dataDir: path.join(dir, name, label),
    label,
    passphrase: PASS,
    ...extra,
  })
  const postgres = pg ? { url: pg.url(name.replace(/\W/g, '_')) } : undefined
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()))
  const mediator = (i: number) => config(`m${i}`, { port: ports[i], mediator: true, publicUrl: proxy.url, postgres })
  // The first instance provisions the store and the tables; the others open them.
  const nodes = [await NodeProcess.start(mediator(0), START_MS)]
  nodes.push(...(await Promise.all(ports.slice(1).map((_, i) => NodeProcess.start(mediator(i + 1), START_MS)))))
  const [desktop, company] = await Promise.all([
    NodeProcess.start(config('desktop', { pollingIntervalMs: 600_000 }), START_MS),
    NodeProcess.start(config('company', { port: await freePort() }), START_MS),
  ])
  try {
    proxy.route({ ws: ports[0], http: ports[0] })
    const device = await nodes[0].api('mediation.createDeviceInvitation')
    await desktop.api('mediation.useMediator', { invitationUrl: device.url })
    const invitation = await desktop.request<string>({ cmd: 'createInvitation' })
    const toDesktop = await company.request<string>({ cmd: 'acceptInvitation', url: invitation })
    await desktop.stop()
    proxy.spreadHttp(ports)
    proxy.dropHttp()
    const started = performance.now()
    await company.request(
      { cmd: 'sendNumbered', connectionId: toDesktop, from: 1, to: COUNT, concurrency: CONCURRENCY },
      900_000,
    )
    const seconds = (performance.now() - started) / 1000
    const held = await nodes[0].request<number>({ cmd: 'queuedRecordCount' })
    if (held !== COUNT) console.warn(`${name}: ${held} queued of ${COUNT} sent`)
    return { mediator: name, forwards: COUNT, seconds: +seconds.toFixed(1), perSecond: +(COUNT / seconds).toFixed(1) }
  } finally {
    await Promise.all([...nodes, desktop, company].map((node) => node.stop()))
    await proxy.close()
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-pgbench-'))
  const pg = await startPostgres()
  try {
    const figures: Figure[] = []
    figures.push(await measure('sqlite-1', 1, undefined, dir))
    for (const instances of [1, 2, 3]) figures.push(await measure(`postgres-${instances}`, instances, pg, dir))
    console.log(`${COUNT} forwards from one sender, ${CONCURRENCY} at a time, recipient away (queued):`)
    console.table(figures)
  } finally {
    await pg.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
