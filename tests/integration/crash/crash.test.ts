import { afterAll, describe, expect, it } from 'vitest'

import { runCrashTest } from '../../../scripts/crashtest/crashRun'
import { makeTmpDir } from '../../helpers/tmpDir'

// The short run of `npm run crashtest`: ten SIGKILLs of a node in its own process while it takes API
// writes and DIDComm messages, each followed by a restart on the same data directory.
describe('crash safety', () => {
  const tmp = makeTmpDir('custos-crash-')
  afterAll(() => tmp.cleanup())

  // Duplicates are printed, not asserted: a message whose handler had saved its records when the node
  // died, but whose id was not yet remembered, is processed again from the spool (at-least-once; the
  // closing note of issue 9 has the figures). Losses and failed restarts are what must never happen.
  it('loses nothing acknowledged, and every restart takes the lock over and unlocks, across ten kills', async () => {
    const figures = await runCrashTest(tmp.dir, 10, 20261124)
    console.info(`crash test: ${JSON.stringify(figures)}`)
    expect(figures.kills).toBe(10)
    expect(figures.writesAcknowledged).toBeGreaterThan(0)
    expect(figures.inboundAcknowledged).toBeGreaterThan(0)
    expect(figures).toMatchObject({
      failedUnlocks: 0,
      writesLost: 0,
      writesDuplicated: 0,
      inboundLost: 0,
    })
  }, 300_000)
})
