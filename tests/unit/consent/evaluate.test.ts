import { describe, expect, it } from 'vitest'

import {
  dpvPurposes,
  durationDays,
  evaluate,
  type PolicyWithUse,
  type RequestFacts,
} from '../../../electron/node/consent'
import type { ConsentOutcome, ConsentPolicy } from '../../../shared/api'

const AT = '2026-06-01T12:00:00.000Z'
const vocabulary = dpvPurposes()

const identity = { descriptorId: 'identity', types: ['VerifiableCredential', 'IdentityCredential'] }
const income = { descriptorId: 'income', types: ['VerifiableCredential', 'IncomeCredential'] }
const IDENTITY_CLAIMS = ['name', 'dateOfBirth', 'address', 'age_over_18']
const INCOME_CLAIMS = ['employer', 'grossYearlyIncome', 'currency', 'employedSince']

function facts(change: Partial<RequestFacts> = {}): RequestFacts {
  return {
    connectionId: 'conn-lender',
    roles: ['licensed-mortgage-lender'],
    purposes: ['dpv:CreditChecking'],
    retention: 'P7Y',
    items: [
      { ...identity, claims: IDENTITY_CLAIMS, held: true, credentialId: 'c1' },
      { ...income, claims: INCOME_CLAIMS, held: true, credentialId: 'c2' },
    ],
    at: AT,
    ...change,
  }
}

let counter = 0
function policy(change: Partial<ConsentPolicy> = {}): ConsentPolicy {
  counter += 1
  return {
    id: `p${String(counter).padStart(3, '0')}`,
    version: 1,
    status: 'active',
    name: 'mortgage lenders',
    who: { kind: 'role', role: 'licensed-mortgage-lender' },
    what: [
      { type: 'IdentityCredential', claims: IDENTITY_CLAIMS },
      { type: 'IncomeCredential', claims: INCOME_CLAIMS },
    ],
    why: ['dpv:CreditChecking'],
    when: {},
    action: 'share',
    beyond: 'ask',
    createdAt: `2026-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...change,
  }
}

const use = (p: ConsentPolicy, used = 0): PolicyWithUse => ({ policy: p, used })

interface Case {
  name: string
  facts: RequestFacts
  policies: PolicyWithUse[]
  outcome: ConsentOutcome
  /** The clause that failed on the first policy, when one must. */
  failed?: string
  /** Index of the deciding policy among `policies`. */
  decider?: number
}

const onlyIdentity = facts({ items: [{ ...identity, claims: IDENTITY_CLAIMS, held: true, credentialId: 'c1' }] })

const cases: Case[] = [
  // No policy at all.
  { name: 'no policies: the request waits', facts: facts(), policies: [], outcome: 'none' },
  { name: 'a matching share policy shares', facts: facts(), policies: [use(policy())], outcome: 'share', decider: 0 },
  { name: 'a matching ask policy asks', facts: facts(), policies: [use(policy({ action: 'ask' }))], outcome: 'ask' },
  {
    name: 'a matching refuse policy refuses',
    facts: facts(),
    policies: [use(policy({ action: 'refuse' }))],
    outcome: 'refuse',
  },
  // status
  {
    name: 'status: paused decides nothing',
    facts: facts(),
    policies: [use(policy({ status: 'paused' }))],
    outcome: 'none',
    failed: 'status',
  },
  {
    name: 'status: revoked refuses what it covered',
    facts: facts(),
    policies: [use(policy({ status: 'revoked' }))],
    outcome: 'refuse',
    failed: 'status',
  },
  {
    name: 'status: revoked refuses even when its frequency is used up',
    facts: facts(),
    policies: [use(policy({ status: 'revoked', when: { maxAnswers: 1, period: 'P1D' } }), 1)],
    outcome: 'refuse',
  },
  {
    name: 'status: revoked does not touch another requester',
    facts: facts({ roles: [] }),
    policies: [use(policy({ status: 'revoked' }))],
    outcome: 'none',
  },
  {
    name: 'status: paused share beside an active ask: ask',
    facts: facts(),
    policies: [use(policy({ status: 'paused' })), use(policy({ action: 'ask' }))],
    outcome: 'ask',
    decider: 1,
  },
  // who: connection
  {
    name: 'who: the named connection shares',
    facts: facts(),
    policies: [use(policy({ who: { kind: 'connection', connectionId: 'conn-lender' } }))],
    outcome: 'share',
  },
  {
    name: 'who: another connection (same label elsewhere) does not',
    facts: facts({ connectionId: 'conn-impostor' }),
    policies: [use(policy({ who: { kind: 'connection', connectionId: 'conn-lender' } }))],
    outcome: 'none',
    failed: 'who',
  },
  {
    name: 'who: no connection at all does not',
    facts: facts({ connectionId: undefined }),
    policies: [use(policy({ who: { kind: 'connection', connectionId: 'conn-lender' } }))],
    outcome: 'none',
    failed: 'who',
  },
  // who: role
  {
    name: 'who: a requester no list names is not in the role',
    facts: facts({ roles: [] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'who',
  },
  {
    name: 'who: another role does not do',
    facts: facts({ roles: ['licensed-insurer'] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'who',
  },
  {
    name: 'who: one of several roles does',
    facts: facts({ roles: ['licensed-insurer', 'licensed-mortgage-lender'] }),
    policies: [use(policy())],
    outcome: 'share',
  },
  // why
  {
    name: 'why: no stated purpose fails',
    facts: facts({ purposes: [] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'why',
  },
  {
    name: 'why: marketing is not credit checking',
    facts: facts({ purposes: ['dpv:Marketing'] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'why',
  },
  {
    name: 'why: a broader policy purpose covers a narrower request purpose',
    facts: facts(),
    policies: [use(policy({ why: ['dpv:CustomerManagement'] }))],
    outcome: 'share',
  },
  {
    name: 'why: a narrower policy purpose does not cover a broader request purpose',
    facts: facts({ purposes: ['dpv:CustomerManagement'] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'why',
  },
  {
    name: 'why: one of several policy purposes covers',
    facts: facts({ purposes: ['dpv:IdentityVerification'] }),
    policies: [use(policy({ why: ['dpv:CreditChecking', 'dpv:IdentityVerification'] }))],
    outcome: 'share',
  },
  {
    name: 'why: every stated purpose must be covered',
    facts: facts({ purposes: ['dpv:CreditChecking', 'dpv:DirectMarketing'] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'why',
  },
  {
    name: 'why: an unknown purpose id is not covered',
    facts: facts({ purposes: ['dpv:Nonsense'] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'why',
  },
  // what
  {
    name: 'what: a claim beyond the policy makes a share policy ask',
    facts: facts({
      items: [{ ...identity, claims: [...IDENTITY_CLAIMS, 'nationalId'], held: true, credentialId: 'c1' }],
    }),
    policies: [use(policy())],
    outcome: 'ask',
    failed: 'what',
  },
  {
    name: 'what: a claim beyond a policy with beyond=refuse refuses',
    facts: facts({
      items: [{ ...identity, claims: [...IDENTITY_CLAIMS, 'nationalId'], held: true, credentialId: 'c1' }],
    }),
    policies: [use(policy({ beyond: 'refuse' }))],
    outcome: 'refuse',
    failed: 'what',
  },
  {
    name: 'what: a credential type not named asks',
    facts: facts({
      items: [
        { descriptorId: 'bank', types: ['BankAccountCredential'], claims: ['iban'], held: true, credentialId: 'c3' },
      ],
    }),
    policies: [use(policy())],
    outcome: 'ask',
    failed: 'what',
  },
  {
    name: 'what: fewer claims than named shares',
    facts: onlyIdentity,
    policies: [use(policy())],
    outcome: 'share',
  },
  {
    name: 'what: a policy naming only age_over_18 does not release a whole identity credential',
    facts: onlyIdentity,
    policies: [use(policy({ what: [{ type: 'IdentityCredential', claims: ['age_over_18'] }] }))],
    outcome: 'ask',
    failed: 'what',
  },
  {
    name: 'what: a credential holding only age_over_18 is released under it',
    facts: facts({ items: [{ ...identity, claims: ['age_over_18'], held: true, credentialId: 'c9' }] }),
    policies: [use(policy({ what: [{ type: 'IdentityCredential', claims: ['age_over_18'] }] }))],
    outcome: 'share',
  },
  {
    name: 'what: nothing held does not share and does not ask',
    facts: facts({ items: [{ ...income, claims: [], held: false }] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'what',
  },
  {
    name: 'what: claims named under two entries of the same type add up',
    facts: onlyIdentity,
    policies: [
      use(
        policy({
          what: [
            { type: 'IdentityCredential', claims: ['name', 'dateOfBirth'] },
            { type: 'IdentityCredential', claims: ['address', 'age_over_18'] },
          ],
        }),
      ),
    ],
    outcome: 'share',
  },
  // when
  {
    name: 'when: before validFrom does not apply',
    facts: facts(),
    policies: [use(policy({ when: { validFrom: '2026-07-01T00:00:00.000Z' } }))],
    outcome: 'none',
    failed: 'when',
  },
  {
    name: 'when: at or after validUntil does not apply',
    facts: facts(),
    policies: [use(policy({ when: { validUntil: AT } }))],
    outcome: 'none',
    failed: 'when',
  },
  {
    name: 'when: inside validity shares',
    facts: facts(),
    policies: [use(policy({ when: { validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' } }))],
    outcome: 'share',
  },
  {
    name: 'when: an expired policy does not ask about claims beyond it either',
    facts: facts({ items: [{ ...identity, claims: ['nationalId'], held: true, credentialId: 'c1' }] }),
    policies: [use(policy({ when: { validUntil: '2026-01-02T00:00:00Z' } }))],
    outcome: 'none',
  },
  // retention
  {
    name: 'retention: within the longest allowed shares',
    facts: facts(),
    policies: [use(policy({ when: { maxRetention: 'P7Y' } }))],
    outcome: 'share',
  },
  {
    name: 'retention: longer than allowed does not apply',
    facts: facts({ retention: 'P10Y' }),
    policies: [use(policy({ when: { maxRetention: 'P7Y' } }))],
    outcome: 'none',
    failed: 'retention',
  },
  {
    name: 'retention: none stated fails a policy that limits it',
    facts: facts({ retention: undefined }),
    policies: [use(policy({ when: { maxRetention: 'P1Y' } }))],
    outcome: 'none',
    failed: 'retention',
  },
  {
    name: 'retention: P12M equals P1Y',
    facts: facts({ retention: 'P12M' }),
    policies: [use(policy({ when: { maxRetention: 'P1Y' } }))],
    outcome: 'share',
  },
  {
    name: 'retention: free text is not a duration and fails',
    facts: facts({ retention: 'as long as needed' }),
    policies: [use(policy({ when: { maxRetention: 'P1Y' } }))],
    outcome: 'none',
    failed: 'retention',
  },
  {
    name: 'retention: no limit takes anything',
    facts: facts({ retention: 'P99Y' }),
    policies: [use(policy())],
    outcome: 'share',
  },
  // frequency
  {
    name: 'frequency: under the limit shares',
    facts: facts(),
    policies: [use(policy({ when: { maxAnswers: 2, period: 'P30D' } }), 1)],
    outcome: 'share',
  },
  {
    name: 'frequency: at the limit waits',
    facts: facts(),
    policies: [use(policy({ when: { maxAnswers: 2, period: 'P30D' } }), 2)],
    outcome: 'none',
    failed: 'frequency',
  },
  {
    name: 'frequency: used up share policy, an ask policy beside it asks',
    facts: facts(),
    policies: [use(policy({ when: { maxAnswers: 1, period: 'P1D' } }), 1), use(policy({ action: 'ask' }))],
    outcome: 'ask',
    decider: 1,
  },
  // combined
  {
    name: 'combined: refuse wins over share',
    facts: facts(),
    policies: [use(policy()), use(policy({ action: 'refuse' }))],
    outcome: 'refuse',
    decider: 1,
  },
  {
    name: 'combined: ask wins over share',
    facts: facts(),
    policies: [use(policy()), use(policy({ action: 'ask' }))],
    outcome: 'ask',
    decider: 1,
  },
  {
    name: 'combined: two share policies, the older decides',
    facts: facts(),
    policies: [use(policy()), use(policy())],
    outcome: 'share',
    decider: 0,
  },
  {
    name: 'combined: a refuse policy for marketing leaves credit checking alone',
    facts: facts(),
    policies: [use(policy()), use(policy({ why: ['dpv:Marketing'], action: 'refuse' }))],
    outcome: 'share',
    decider: 0,
  },
  {
    name: 'combined: a revoked connection policy beside an active role policy refuses',
    facts: facts(),
    policies: [
      use(policy()),
      use(policy({ who: { kind: 'connection', connectionId: 'conn-lender' }, status: 'revoked' })),
    ],
    outcome: 'refuse',
    decider: 1,
  },
  {
    name: 'combined: right who, wrong why, right what waits',
    facts: facts({ purposes: ['dpv:ResearchAndDevelopment'] }),
    policies: [use(policy())],
    outcome: 'none',
    failed: 'why',
  },
  {
    name: 'combined: impostor with the right purpose and claims but no role waits',
    facts: facts({ connectionId: 'conn-impostor', roles: [] }),
    policies: [use(policy()), use(policy({ who: { kind: 'connection', connectionId: 'conn-lender' } }))],
    outcome: 'none',
  },
  {
    name: 'combined: claims beyond it decide before a too-long retention: asks',
    facts: facts({
      retention: 'P20Y',
      items: [{ ...identity, claims: ['nationalId'], held: true, credentialId: 'c' }],
    }),
    policies: [use(policy({ when: { maxRetention: 'P7Y' } }))],
    outcome: 'ask',
  },
  {
    name: 'combined: every clause set and holding shares',
    facts: facts(),
    policies: [
      use(
        policy({
          who: { kind: 'connection', connectionId: 'conn-lender' },
          when: {
            validFrom: '2026-01-01T00:00:00Z',
            validUntil: '2027-01-01T00:00:00Z',
            maxAnswers: 3,
            period: 'P7D',
            maxRetention: 'P10Y',
          },
        }),
        2,
      ),
    ],
    outcome: 'share',
  },
]

describe('consent policy evaluation', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each(cases)('$name', ({ facts: given, policies, outcome, failed, decider }) => {
    const result = evaluate(given, policies, vocabulary)
    expect(result.outcome).toBe(outcome)
    expect(result.considered).toHaveLength(policies.length)
    for (const considered of result.considered) {
      expect(considered.clauses.map((clause) => clause.clause)).toEqual([
        'status',
        'who',
        'why',
        'what',
        'when',
        'retention',
        'frequency',
      ])
      for (const clause of considered.clauses) expect(clause.reason).toBeTruthy()
    }
    if (failed) {
      const first = result.considered.find((c) => c.policyId === policies[0].policy.id)
      expect(first?.clauses.find((clause) => clause.clause === failed)?.ok).toBe(false)
    }
    if (outcome === 'none') expect(result.decidedBy).toBeUndefined()
    else expect(result.decidedBy).toBeDefined()
    if (decider !== undefined) {
      expect(result.decidedBy).toEqual({ policyId: policies[decider].policy.id, version: 1 })
    }
    // Deterministic: the same input, in any order, gives the same answer and explanation.
    expect(evaluate(given, [...policies].reverse(), vocabulary)).toEqual(result)
  })
})

describe('durations and purposes', () => {
  it.each([
    ['P7Y', 7 * 365.2425],
    ['P12M', 365.2425],
    ['P30D', 30],
    ['P1Y6M', 365.2425 * 1.5],
    ['P', undefined],
    ['7 years', undefined],
  ])('%s is %s days', (text, days) => {
    const value = durationDays(text)
    if (days === undefined) expect(value).toBeUndefined()
    else expect(value).toBeCloseTo(days, 6)
  })

  it('finds purposes by id or label, and knows broader from narrower', () => {
    expect(vocabulary.lookup('Credit Checking')).toBe('dpv:CreditChecking')
    expect(vocabulary.lookup('dpv:CreditChecking')).toBe('dpv:CreditChecking')
    expect(vocabulary.lookup('mortgage application')).toBeUndefined()
    expect(vocabulary.covers('dpv:Purpose', 'dpv:PersonalisedAdvertising')).toBe(true)
    expect(vocabulary.covers('dpv:Marketing', 'dpv:CreditChecking')).toBe(false)
  })
})
