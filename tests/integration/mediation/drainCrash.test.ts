import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startMediatedDesktop } from '../../helpers/processes/mediatedDesktop'
import { NodeProcess } from '../../helpers/processes/NodeProcess'
import type { NodeProcessConfig } from '../../helpers/processes/protocol'
import { makeTmpDir } from '../../helpers/tmpDir'

const PASS = 'correct horse battery staple'
const COUNT = 600
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}`)

// Credo's pickup v2 acknowledges a delivered batch before it has processed a message of it, and the
// mediator then deletes the batch: a desktop killed during a long drain lost every message it had
// acknowledged and not yet stored. And a batch it had not acknowledged stayed leased at the mediator for
// five minutes, arriving long after the rest. Three processes, real sockets, SIGKILL mid-drain.
describe('mediation: the desktop killed while it drains its queue', () => {
  const tmp = makeTmpDir('custos-drain-crash-')
  let desktopConfig: NodeProcessConfig
  let mediator: NodeProcess
  let desktop: NodeProcess
  let company: NodeProcess
  let companyToDesktop: string

  beforeAll(async () => {
    ;({ desktopConfig, mediator, desktop, company, companyToDesktop } = await startMediatedDesktop(tmp.dir, PASS))
  })
  afterAll(async () => {
    await Promise.all([mediator?.stop(), desktop?.stop(), company?.stop()])
    tmp.cleanup()
  })

  it('stores every message once after the restart', async () => {
    await desktop.stop()
    await company.request({ cmd: 'sendNumbered', connectionId: companyToDesktop, from: 1, to: COUNT }, 300_000)

    desktop = await NodeProcess.start(desktopConfig, 120_000)
    // Killed once the drain is under way and well before it ends.
    await desktop.waitForEvent((e) => e.event === 'basicMessage' && Number(e.content) >= 50, 120_000)
    await desktop.kill()
    desktop = await NodeProcess.start(desktopConfig, 120_000)
    await desktop.waitForEvent((e) => e.event === 'basicMessage' && e.content === `${COUNT}`, 240_000)

    // A batch in flight at the kill comes back when the mediator sees the old socket close; on a loaded
    // machine that can be after the last message, so the count is awaited, not the last number.
    let stored: string[] = []
    for (let waited = 0; waited < 60_000; waited += 500) {
      stored = (await desktop.request<{ stored: string[] }>({ cmd: 'received' })).stored
      if (stored.length >= COUNT) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const sorted = [...stored].sort((a, b) => Number(a) - Number(b))
    expect(sorted).toEqual(range(1, COUNT))
  }, 600_000)
})
