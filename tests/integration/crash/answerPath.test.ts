import { afterAll, describe, expect, it } from 'vitest'

import { runAnswerPathCrash } from '../../../scripts/crashtest/answerPath'
import { makeTmpDir } from '../../helpers/tmpDir'

// `npm run crashtest`'s answer-path part: a node in its own process answers a plain Credo lender under a
// standing policy and is SIGKILLed at a step of that answer, then started again. The suite takes the two
// steps where the history and the wire disagree for a moment (entry written, nothing sent; answer sent,
// entry not yet settled); `npm run crashtest` takes all four (before-entry and entry-settled as well).
describe('crash safety of the answer path', () => {
  const tmp = makeTmpDir('custos-answer-crash-')
  afterAll(() => tmp.cleanup())

  it('leaves a true history whichever step of an automatic answer the node dies at', async () => {
    const figures = await runAnswerPathCrash(tmp.dir, ['entry-written', 'answer-left'])
    console.info(`answer-path crash test: ${JSON.stringify(figures)}`)
    expect(figures).toMatchObject({ disclosuresWithoutEntry: 0, entriesClaimingSent: 0, entriesLeftPending: 0 })
    const byStep = Object.fromEntries(figures.rows.map((row) => [row.step, row]))
    // The entry was written, the answer never left: the entry says so.
    expect(byStep['entry-written']).toMatchObject({ received: false, entries: ['not-sent'] })
    // The answer left, the node died before noting it: the entry says the lender may have it.
    expect(byStep['answer-left']).toMatchObject({ received: true, entries: ['uncertain'] })
  }, 300_000)
})
