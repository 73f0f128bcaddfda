import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dpvPurposes } from '../../../electron/node/consent'
import { consentEvaluations } from '../../../electron/node/consent/consentTables'
import { parsedSpec, parsedSpecCount } from '../../../electron/node/consent/parsedSpecs'
import { addVersion, currentPolicies, insertPolicy, setStatus } from '../../../electron/node/consent/policyStore'
import type { RequestFacts } from '../../../electron/node/consent/requestFacts'
import { takeDecision, withUse } from '../../../electron/node/consent/takeDecision'
import { openAppDatabase, type OpenedAppDatabase } from '../../../electron/node/db'
import { mortgagePolicy } from '../../helpers/consent'
import { makeTmpDir } from '../../helpers/tmpDir'

// The two shortcuts of an evaluation (counts that stop at the limit, policy texts parsed once) must not
// change a decision or its explanation. A bare app database is enough: no agent is involved.
const AT = '2026-06-30T12:00:00.000Z'
const later = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString()
const facts = (at: string): RequestFacts => ({
  connectionId: 'c',
  roles: [],
  purposes: ['dpv:CreditChecking'],
  items: [{ descriptorId: 'identity', types: ['IdentityCredential'], claims: ['name'], held: true, credentialId: 'x' }],
  at,
})

describe('evaluation shortcuts', () => {
  let tmp: ReturnType<typeof makeTmpDir>
  let opened: OpenedAppDatabase
  beforeAll(() => {
    tmp = makeTmpDir()
    opened = openAppDatabase(`${tmp.dir}/app.sqlite`, randomBytes(32).toString('hex'))
  })
  afterAll(() => {
    opened.close()
    tmp.cleanup()
  })

  it('a count capped at the limit is exact below it and still refuses the N+1th answer', () => {
    const { db } = opened
    const answer = { outcome: 'share', policyId: 'capped', policyVersion: 1, taken: true, trace: '{}' } as const
    db.transaction((tx) => insertPolicy(tx, 'capped', mortgagePolicy('c', { maxAnswers: 3, period: 'P1D' }), AT))
    const decide = (n: number) => takeDecision(db, `request-${n}`, facts(later(n)), dpvPurposes())
    const frequency = (n: number) => decide(n)?.considered[0].clauses.find((c) => c.clause === 'frequency')
    expect(frequency(1)).toEqual({ clause: 'frequency', ok: true, reason: '0 of 3 answers used in the last P1D' })
    expect(frequency(2)?.reason).toBe('1 of 3 answers used in the last P1D')
    expect(decide(3)?.outcome).toBe('share')
    // The fourth and fifth: the count stops at 3, which is all the clause needs to refuse.
    for (const n of [4, 5]) {
      const evaluation = decide(n)
      expect(evaluation?.outcome).toBe('none')
      expect(evaluation?.considered[0].clauses.at(-1)).toMatchObject({ ok: false })
    }
    // Answers beyond the limit (taken under an earlier, higher limit): the count still stops at 3.
    for (const n of [6, 7])
      db.insert(consentEvaluations)
        .values({ ...answer, id: `over-${n}`, requestId: `over-${n}`, evaluatedAt: later(n) })
        .run()
    expect(withUse(db, later(8)).find(({ policy }) => policy.id === 'capped')?.used).toBe(3)
    expect(decide(9)?.outcome).toBe('none')
    // A day on, the window is empty again.
    expect(decide(24 * 60 + 10)?.outcome).toBe('share')
  })

  it('an edit, a pause and a revoke are seen by the next read; the same text is parsed once', () => {
    const { db } = opened
    db.transaction((tx) => insertPolicy(tx, 'edited', mortgagePolicy('c'), AT))
    const current = () => currentPolicies(db).find((policy) => policy.id === 'edited')
    const first = current()
    const held = parsedSpecCount()
    expect(current()?.who).toBe(first?.who)
    expect(parsedSpecCount()).toBe(held)
    db.transaction((tx) => addVersion(tx, 'edited', { ...mortgagePolicy('d'), name: 'Edited' }, later(1)))
    expect(current()).toMatchObject({ version: 2, name: 'Edited', who: { connectionId: 'd' }, status: 'active' })
    db.transaction((tx) => setStatus(tx, 'edited', 'paused'))
    expect(current()).toMatchObject({ version: 2, status: 'paused' })
    db.transaction((tx) => setStatus(tx, 'edited', 'revoked'))
    expect(current()?.status).toBe('revoked')
    // Shared between policies built from the same text, so nobody may change it.
    expect(() => {
      ;(parsedSpec(JSON.stringify(mortgagePolicy('c'))).why as string[]).push('dpv:Marketing')
    }).toThrow(TypeError)
  })
})
