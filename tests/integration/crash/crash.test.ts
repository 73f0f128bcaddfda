import { afterAll, describe, expect, it } from 'vitest'

import { runCrashTest } from '../../../scripts/crashtest/crashRun'
import { makeTmpDir } from '../../helpers/tmpDir'

// The short run of `npm run crashtest`: ten SIGKILLs of a node in its own process while it takes API
// writes and DIDComm messages, each followed by a restart on the same data directory.
describe('crash safety', () => {
  const tmp = makeTmpDir('custos-crash-')
  afterAll(() => tmp.cleanup())

  // A message whose handler had saved its records when the node died, but whose id was not yet
  // remembered, comes back from the spool; the store is asked whether it was stored (commitProbes), so
  // it is not stored twice, acknowledged or not.
  it('keeps every acknowledged write and message exactly once, and every restart unlocks, across ten kills', async () => {
    const figures = await runCrashTest(tmp.dir, 10, 20261124)
    console.info(`crash test: ${JSON.stringify(figures)}`)
    expect(figures.kills).toBe(10)
    expect(figures.writesAcknowledged).toBeGreaterThan(0)
    expect(figures.inboundAcknowledged).toBeGreaterThan(0)
    expect(figures.invitationsAcknowledged).toBeGreaterThan(0)
    expect(figures).toMatchObject({
      failedUnlocks: 0,
      writesLost: 0,
      writesDuplicated: 0,
      inboundLost: 0,
      inboundDuplicated: 0,
      invitationsLost: 0,
      invitationsDuplicated: 0,
      unacknowledgedDuplicated: 0,
    })
  }, 300_000)
})
