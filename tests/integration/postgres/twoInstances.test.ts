import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../helpers/freePort'
import { startPostgres, type TestPostgres } from '../../helpers/postgres'
import { NodeProcess } from '../../helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../helpers/processes/protocol'
import { TcpSwitch } from '../../helpers/tcpSwitch'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'
// Four processes start together on two cores that are busy with other work: more than the default 30 s.
const START_MS = 120_000
// A thousand forwards one after the other on those cores: more than the default minute per request.
const SEND_MS = 600_000
// Four senders side by side: one after the other, the 2,000 took minutes of the suite on two cores.
const SENDERS = 4
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}`)

interface Setup {
  a: NodeProcess
  b: NodeProcess
  aConfig: NodeProcessConfig
  desktop: NodeProcess
  desktopConfig: NodeProcessConfig
  company: NodeProcess
  companyToDesktop: string
}

// Two mediator instances on one PostgreSQL behind one public address (a TCP switch standing in for the
// reverse proxy), a desktop that uses the mediator, and a company that writes to the desktop through it.
describe('a mediator of two instances on one PostgreSQL', () => {
  const tmp = makeTmpDir('custos-pg2-')
  let pg: TestPostgres
  let proxy: TcpSwitch
  const running: NodeProcess[] = []

  async function setUp(name: string): Promise<Setup> {
    // The previous test's four processes are done: stopped, so this one's start on 2 cores without them.
    await Promise.all(running.splice(0).map((node) => node.stop()))
    const dir = `${tmp.dir}/${name}`
    const postgres = { url: pg.url(name) }
    const [portA, portB] = [await freePort(), await freePort()]
    const mediator = (label: string, port: number): NodeProcessConfig => ({
      dataDir: `${dir}/${label}`,
      label,
      passphrase: PASS,
      port,
      mediator: true,
      publicUrl: proxy.url,
      postgres,
    })
    const aConfig = mediator('A', portA)
    // A first: it provisions the shared store and the queue's tables; B opens them.
    const a = await NodeProcess.start(aConfig, START_MS)
    const desktopConfig = { dataDir: `${dir}/d`, label: 'Desktop', passphrase: PASS, pollingIntervalMs: 600_000 }
    const [b, desktop, company] = await Promise.all([
      NodeProcess.start(mediator('B', portB), START_MS),
      NodeProcess.start(desktopConfig, START_MS),
      NodeProcess.start({ dataDir: `${dir}/c`, label: 'Company', passphrase: PASS, port: await freePort() }, START_MS),
    ])
    running.push(a, b, desktop, company)
    proxy.route({ ws: portA, http: portA })
    const device = await a.api('mediation.createDeviceInvitation')
    await desktop.api('mediation.useMediator', { invitationUrl: device.url })
    const keysAtA = async () => (await a.api('mediation.listRecipients'))[0]?.recipientKeyCount ?? 0
    const before = await keysAtA()
    const invitation = await desktop.request<string>({ cmd: 'createInvitation' })
    // On Credo 0.6.3 the invitation can be handed out before the mediator has its key (the keylist update
    // is not awaited): a request forwarded to a key the mediator does not know yet is lost. The company
    // uses the invitation once the mediator lists the key, as a person passing it on would in practice.
    await expect.poll(keysAtA, { timeout: 30_000 }).toBeGreaterThan(before)
    const companyToDesktop = await company
      .request<string>({ cmd: 'acceptInvitation', url: invitation })
      .catch(async (error: Error) => {
        // Where the company's request stopped: queued at A for the desktop, or never there.
        const atA = await a.api('mediation.listRecipients')
        const desktopSide = await desktop.api('mediation.status')
        throw new Error(
          `${error.message}; A holds ${JSON.stringify(atA)}; the desktop has ${JSON.stringify(desktopSide)}`,
        )
      })
    return { a, b, aConfig, desktop, desktopConfig, company, companyToDesktop }
  }

  // Forwards from now on reach `port`; the sender's kept-alive connection is closed so it follows.
  function forwardsTo(port: number): void {
    proxy.route({ http: port })
    proxy.dropHttp()
  }

  beforeAll(async () => {
    pg = await startPostgres()
    proxy = await TcpSwitch.start()
  })
  afterAll(async () => {
    await Promise.all(running.map((node) => node.stop()))
    await proxy?.close()
    await pg?.stop()
    if (!process.env.KEEP_TMP) tmp.cleanup()
  })

  it('pushes to a recipient live on A what a sender forwards through B: each once, in order', async () => {
    const { a, b, desktop, company, companyToDesktop } = await setUp('live')
    forwardsTo(b.config.port ?? 0)
    const started = Date.now()
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from: 1, to: 100 }, SEND_MS)
    await desktop.waitForEvent((e) => e.event === 'basicMessage' && e.content === '100', 30_000)
    const received = await desktop.request<{ events: string[]; stored: string[] }>({ cmd: 'received' })
    console.info(`100 forwarded through B, pushed live from A in ${Date.now() - started} ms`)
    expect(received.events).toEqual(range(1, 100))
    expect(received.stored.length).toBe(100)
    // Every forward went through B, and the desktop's one socket stayed on A.
    expect(proxy.passed.get(`http:${b.config.port}`)).toBeGreaterThan(0)
    expect(proxy.passed.get(`ws:${b.config.port}`)).toBeUndefined()
    // Acknowledged on A, gone for both.
    await expect.poll(() => b.request<number>({ cmd: 'queuedRecordCount' }), { timeout: 10_000 }).toBe(0)
    expect(await a.request<number>({ cmd: 'queuedRecordCount' })).toBe(0)
  }, 300_000)

  it('delivers 2,000 queued over both instances once each when A is killed halfway and the recipient comes back on B', async () => {
    const setup = await setUp('crash')
    const { aConfig, b, desktop, desktopConfig, company, companyToDesktop } = setup
    let a = setup.a
    await desktop.stop()
    const started = Date.now()
    forwardsTo(aConfig.port ?? 0)
    const send = (from: number, to: number) =>
      company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from, to, concurrency: SENDERS }, SEND_MS)
    await send(1, 500)
    forwardsTo(b.config.port ?? 0)
    await send(501, 1_000)
    await a.kill()
    await send(1_001, 2_000)
    const sentMs = Date.now() - started
    // The 2,000 and whatever else the desktop missed while away (a DID exchange message may be among them).
    expect(await b.request<number>({ cmd: 'queuedRecordCount' })).toBeGreaterThanOrEqual(2_000)

    proxy.route({ ws: b.config.port ?? 0 })
    const back = await NodeProcess.start(desktopConfig, START_MS)
    running.push(back)
    const received = () => back.request<{ events: string[]; stored: string[] }>({ cmd: 'received' })
    await expect.poll(async () => (await received()).events.length, { timeout: 240_000, interval: 500 }).toBe(2_000)
    const drainedMs = Date.now() - started - sentMs
    // Senders side by side reach the queue in no promised order: each once is what is asserted here (the
    // order of what is pushed live is the first test's).
    const { events, stored } = await received()
    const byNumber = (list: string[]) => [...list].sort((x, y) => Number(x) - Number(y))
    expect(byNumber(events)).toEqual(range(1, 2_000))
    expect(byNumber(stored)).toEqual(range(1, 2_000))
    await expect.poll(() => b.request<number>({ cmd: 'queuedRecordCount' }), { timeout: 20_000 }).toBe(0)
    console.info(`2,000 over two instances on PostgreSQL: sent in ${sentMs} ms, drained from B in ${drainedMs} ms`)

    // And A, restarted, serves again with the same store and queue. Once in about eight CI runs on a loaded
    // two-core machine this start failed in Credo's DIDComm module initialise (cause not yet seen; it now
    // comes with the error): the second try is logged so the cause can be found, not hidden.
    a = await NodeProcess.start(aConfig, START_MS).catch(async (error: unknown) => {
      console.warn(`A did not start again at the first try: ${String(error)}`)
      return NodeProcess.start(aConfig, START_MS)
    })
    running.push(a)
    expect(await a.request<number>({ cmd: 'queuedRecordCount' })).toBe(0)
  }, 600_000)
})
