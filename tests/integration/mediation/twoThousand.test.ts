import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startMediatedDesktop } from '../../helpers/processes/mediatedDesktop'
import { NodeProcess } from '../../helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../helpers/processes/protocol'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'
// Each start, and each thousand forwards one after the other, on two cores busy with other work: past
// NodeProcess's defaults (30 s, one minute per request) under a full suite, as in the PostgreSQL test.
const START_MS = 100_000
const SEND_MS = 600_000
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}`)

// The measured failure: 2,000 unpaced messages through a mediator killed halfway lost 213 to 429s, and
// after the long drain live delivery never started. Three processes, real sockets, SIGKILL.
describe('mediation at scale: 2,000 messages to an offline desktop, mediator killed halfway', () => {
  const tmp = makeTmpDir('custos-2000-')
  let mediatorConfig: NodeProcessConfig
  let desktopConfig: NodeProcessConfig
  let mediator: NodeProcess
  let desktop: NodeProcess
  let company: NodeProcess
  let companyToDesktop: string

  beforeAll(async () => {
    ;({ mediatorConfig, desktopConfig, mediator, desktop, company, companyToDesktop } = await startMediatedDesktop(
      tmp.dir,
      PASS,
    ))
  })
  afterAll(async () => {
    await Promise.all([mediator?.stop(), desktop?.stop(), company?.stop()])
    tmp.cleanup()
  })

  it('delivers all 2,000 once each and in order, then the next one live', async () => {
    await desktop.stop()
    const started = Date.now()
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from: 1, to: 1_000 }, SEND_MS)
    await mediator.kill()
    mediator = await NodeProcess.start(mediatorConfig, START_MS)
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from: 1_001, to: 2_000 }, SEND_MS)
    const sentMs = Date.now() - started

    desktop = await NodeProcess.start(desktopConfig, START_MS)
    await desktop.waitForEvent((e) => e.event === 'basicMessage' && e.content === '2000', 240_000)
    const drainedMs = Date.now() - started - sentMs
    const received = await desktop.request<{ events: string[]; stored: string[] }>({ cmd: 'received' })
    expect(received.events).toEqual(range(1, 2_000))
    expect(received.stored.length).toBe(2_000)

    const liveSentAt = Date.now()
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from: 2_001, to: 2_001 })
    const live = await desktop.waitForEvent((e) => e.event === 'basicMessage' && e.content === '2001', 10_000)
    const liveMs = live.event === 'basicMessage' ? live.at - liveSentAt : Infinity
    console.info(
      `2,000 through a mediator: sent in ${sentMs} ms, drained in ${drainedMs} ms, next one live in ${liveMs} ms`,
    )
    expect(liveMs).toBeLessThan(1_000)
  }, 420_000)
})
