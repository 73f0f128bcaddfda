import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../helpers/freePort'
import { NodeProcess } from '../../helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../helpers/processes/protocol'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'
const COUNT = 600
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}`)

// Credo's pickup v2 acknowledges a delivered batch before it has processed a message of it, and the
// mediator then deletes the batch: a desktop killed during a long drain lost every message it had
// acknowledged and not yet stored. Three processes, real sockets, SIGKILL of the desktop mid-drain.
describe('mediation: the desktop killed while it drains its queue', () => {
  const tmp = makeTmpDir('custos-drain-crash-')
  let desktopConfig: NodeProcessConfig
  let mediator: NodeProcess
  let desktop: NodeProcess
  let company: NodeProcess
  let companyToDesktop: string

  beforeAll(async () => {
    const mediatorConfig = { dataDir: `${tmp.dir}/m`, label: 'Mediator', passphrase: PASS, mediator: true }
    desktopConfig = { dataDir: `${tmp.dir}/d`, label: 'Desktop', passphrase: PASS, pollingIntervalMs: 600_000 }
    const companyConfig = { dataDir: `${tmp.dir}/c`, label: 'Company', passphrase: PASS, port: await freePort() }
    ;[mediator, desktop, company] = await Promise.all([
      NodeProcess.start({ ...mediatorConfig, port: await freePort() }),
      NodeProcess.start(desktopConfig),
      NodeProcess.start(companyConfig),
    ])
    const device = await mediator.api('mediation.createDeviceInvitation')
    await desktop.api('mediation.useMediator', { invitationUrl: device.url })
    const invitation = await desktop.request<string>({ cmd: 'createInvitation' })
    companyToDesktop = await company.request<string>({ cmd: 'acceptInvitation', url: invitation })
  })
  afterAll(async () => {
    await Promise.all([mediator?.stop(), desktop?.stop(), company?.stop()])
    tmp.cleanup()
  })

  it('stores every message once after the restart, in order', async () => {
    await desktop.stop()
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from: 1, to: COUNT }, 300_000)

    desktop = await NodeProcess.start(desktopConfig, 120_000)
    // Killed once the drain is under way and well before it ends.
    await desktop.waitForEvent((e) => e.event === 'basicMessage' && Number(e.content) >= 50, 120_000)
    await desktop.kill()
    desktop = await NodeProcess.start(desktopConfig, 120_000)
    await desktop.waitForEvent((e) => e.event === 'basicMessage' && e.content === `${COUNT}`, 240_000)

    const { stored } = await desktop.request<{ events: string[]; stored: string[] }>({ cmd: 'received' })
    const sorted = [...stored].sort((a, b) => Number(a) - Number(b))
    expect(sorted).toEqual(range(1, COUNT))
    // After the restart the messages kept in the spool come first, then the rest of the queue: in order.
    const { events } = await desktop.request<{ events: string[] }>({ cmd: 'received' })
    expect(events.map(Number)).toEqual([...events.map(Number)].sort((a, b) => a - b))
  }, 600_000)
})
