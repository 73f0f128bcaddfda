import { randomUUID } from 'node:crypto'

import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { consentEvaluations } from '../../../electron/node/consent/consentTables'
import { insertPolicy } from '../../../electron/node/consent/policyStore'
import { withUse } from '../../../electron/node/consent/takeDecision'
import { appDatabaseOf } from '../../../electron/node/db'
import { mortgagePolicy } from '../../helpers/consent'
import { startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'

const AT = '2026-06-30T12:00:00.000Z'
const hoursBefore = (hours: number) => new Date(Date.parse(AT) - hours * 3_600_000).toISOString()

describe('frequency counts, one grouped count per period', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let node: CustosNode
  beforeAll(async () => {
    tmp = makeTmpDir()
    node = await startNode(`${tmp.dir}/node`)
  })
  afterAll(async () => {
    await node.close()
    tmp.cleanup()
  })

  it('counts each policy’s taken answers inside its own window only', () => {
    const db = appDatabaseOf(node.agent.context)
    const [daily, monthly, otherDaily, unlimited] = ['daily', 'monthly', 'other', 'unlimited']
    const when = { [daily]: 'P1D', [monthly]: 'P30D', [otherDaily]: 'P1D' } as Record<string, string | undefined>
    db.transaction((tx) => {
      for (const id of [daily, monthly, otherDaily, unlimited]) {
        const period = when[id]
        insertPolicy(tx, id, mortgagePolicy('c', period ? { maxAnswers: 5, period } : {}), AT)
      }
    })
    const answer = (policyId: string, hours: number, taken = true) =>
      db
        .insert(consentEvaluations)
        .values({
          id: randomUUID(),
          requestId: randomUUID(),
          evaluatedAt: hoursBefore(hours),
          outcome: taken ? 'share' : 'none',
          policyId,
          policyVersion: 1,
          taken,
          trace: '{}',
        })
        .run()
    // daily: 2 in its day, 1 older, 1 not taken. monthly: 3 in its 30 days (one 10 days ago). other: 1.
    for (const [policyId, hours, taken] of [
      [daily, 1, true],
      [daily, 23, true],
      [daily, 25, true],
      [daily, 2, false],
      [monthly, 1, true],
      [monthly, 48, true],
      [monthly, 240, true],
      [monthly, 800, true],
      [otherDaily, 3, true],
      [unlimited, 1, true],
    ] as const)
      answer(policyId, hours, taken)
    const used = Object.fromEntries(withUse(db, AT).map(({ policy, used }) => [policy.id, used]))
    expect(used).toEqual({ [daily]: 2, [monthly]: 3, [otherDaily]: 1, [unlimited]: 0 })
  })

  it('reads the count from the (policy_id, taken, evaluated_at) index alone', () => {
    const plan = appDatabaseOf(node.agent.context).all<{ detail: string }>(
      sql`EXPLAIN QUERY PLAN SELECT policy_id, count(*) FROM consent_evaluations WHERE policy_id IN ('a', 'b') AND taken = 1 AND evaluated_at > '2026' GROUP BY policy_id`,
    )
    expect(plan.map((row) => row.detail).join('\n')).toContain('COVERING INDEX consent_evaluations_policy_taken_at')
  })
})
