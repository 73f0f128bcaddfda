// `npm run crashtest [-- --kills N --seed S]`: prints the figures and exits 1 if anything was lost,
// duplicated, or a restart failed to unlock, or if a SIGKILL during an automatic answer left a history
// entry that is untrue (scripts/crashtest/answerPath.ts).
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../electron/node/askar/register'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { runAnswerPathCrash } from './answerPath'
import { runCrashTest } from './crashRun'

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '100' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
  },
})
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-crashtest-'))
try {
  const figures = await runCrashTest(dir, Number(values.kills), Number(values.seed))
  const { lostInbound, ...counts } = figures
  console.table({ seed: Number(values.seed), ...counts })
  if (lostInbound.length) console.log(`lost: ${lostInbound.join(' ')}`)
  const bad =
    figures.failedUnlocks +
    figures.writesLost +
    figures.writesDuplicated +
    figures.inboundLost +
    figures.inboundDuplicated +
    figures.unacknowledgedDuplicated +
    figures.invitationsLost +
    figures.invitationsDuplicated
  // The answer path: SIGKILL at each of its four steps, then what the history says against what left.
  const answers = await runAnswerPathCrash(path.join(dir, 'answers'))
  console.table(answers.rows.map((row) => ({ ...row, entries: row.entries.join(' ') || '(none)' })))
  const { rows: _rows, ...answerCounts } = answers
  console.table(answerCounts)
  const untrue = answers.disclosuresWithoutEntry + answers.entriesClaimingSent + answers.entriesLeftPending
  process.exitCode = bad + untrue > 0 ? 1 : 0
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
