import { describe, expect, it } from 'vitest'

import { positionOf, type DataList } from '../../../electron/node/privacyProfile'
import { dpvPurposes } from '../../../electron/node/vocabulary'
import type { PrivacyProfile, PrivacyRule } from '../../../shared/api'

const vocabulary = dpvPurposes()

const identity = { descriptorId: 'identity', types: ['VerifiableCredential', 'IdentityCredential'], claims: ['name'] }
const income = { descriptorId: 'income', types: ['IncomeCredential'], claims: ['grossYearlyIncome'] }
const statement = {
  descriptorId: 'statement-1',
  types: ['BankStatementCredential'],
  claims: ['period'],
  optional: true,
}

function profile(...rules: PrivacyRule[]): PrivacyProfile {
  return { version: 3, rules }
}

function list(change: Partial<DataList> = {}): DataList {
  return { purposes: ['dpv:CreditChecking'], retention: 'P7Y', items: [identity, income, statement], ...change }
}

const noMarketing: PrivacyRule = { id: 'r1', kind: 'neverPurpose', purpose: 'dpv:Marketing' }
const financeTwoYears: PrivacyRule = { id: 'r2', kind: 'maxRetention', category: 'financial', duration: 'P2Y' }
const noThirdParties: PrivacyRule = { id: 'r3', kind: 'noThirdParties' }
const noProfiling: PrivacyRule = { id: 'r4', kind: 'noProfiling' }

describe('a request against the privacy profile', () => {
  it('fits an empty profile and one it keeps within', () => {
    expect(positionOf(profile(), list(), vocabulary)).toMatchObject({ fits: true, reachable: true, profileVersion: 3 })
    const within = positionOf(profile(noMarketing, financeTwoYears), list({ retention: 'P18M' }), vocabulary)
    expect(within.fits).toBe(true)
    expect(within.items.map((item) => item.counter)).toEqual(['keep', 'keep', 'keep'])
  })

  it('a retention too long for finance data: the optional statement is declined, the income kept for less', () => {
    const position = positionOf(profile(financeTwoYears), list(), vocabulary)
    expect(position.fits).toBe(false)
    expect(position.items.map((item) => [item.descriptorId, item.counter])).toEqual([
      ['identity', 'keep'],
      ['income', 'shorten'],
      ['statement-1', 'decline'],
    ])
    expect(position.items[1].categories).toContain('financial')
    expect(position.items[1].conflicts).toEqual([
      { kind: 'retention-too-long', ruleId: 'r2', category: 'financial', max: 'P2Y', stated: 'P7Y' },
    ])
    expect(position.counterOffer).toEqual({
      decline: ['statement-1'],
      retention: 'P2Y',
      refusePurposes: [],
      noThirdParties: false,
      noProfiling: false,
    })
  })

  it('no retention stated conflicts with a limit; the limit on any data covers every item', () => {
    const anyYear: PrivacyRule = { id: 'r5', kind: 'maxRetention', category: 'any', duration: 'P1Y' }
    const position = positionOf(profile(anyYear), list({ retention: undefined }), vocabulary)
    expect(position.items.every((item) => item.conflicts[0]?.kind === 'retention-unstated')).toBe(true)
    expect(position.counterOffer.retention).toBe('P1Y')
  })

  it('a narrower purpose of an excluded one conflicts; refusing the only purpose leaves nothing to agree', () => {
    const direct = positionOf(profile(noMarketing), list({ purposes: ['dpv:DirectMarketing'] }), vocabulary)
    expect(direct.conflicts).toEqual([{ kind: 'purpose-excluded', ruleId: 'r1', purpose: 'dpv:DirectMarketing' }])
    expect(direct.reachable).toBe(false)
    const mixed = positionOf(
      profile(noMarketing),
      list({ purposes: ['dpv:CreditChecking', 'dpv:IdentityVerification'] }),
      vocabulary,
    )
    expect(mixed.fits).toBe(true)
    const both = positionOf(
      profile(noMarketing),
      list({ purposes: ['dpv:CreditChecking', 'dpv:DirectMarketing'] }),
      vocabulary,
    )
    expect(both).toMatchObject({
      fits: false,
      reachable: true,
      counterOffer: { refusePurposes: ['dpv:DirectMarketing'] },
    })
  })

  it('third parties and profiling conflict only when the request states them', () => {
    const rules = profile(noThirdParties, noProfiling)
    expect(positionOf(rules, list(), vocabulary).fits).toBe(true)
    const position = positionOf(rules, list({ thirdParties: ['Credit bureau'], profiling: true }), vocabulary)
    expect(position.conflicts.map((conflict) => conflict.kind)).toEqual(['third-parties', 'profiling'])
    expect(position.counterOffer).toMatchObject({ noThirdParties: true, noProfiling: true, decline: [] })
  })
})
