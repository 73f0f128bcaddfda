import type { DifPresentationExchangeDefinition } from '@credo-ts/core'
import { describe, expect, it } from 'vitest'

import { allowsSubmission, omittable } from '../../electron/node/requests/submissionRules'

const descriptor = (id: string, group?: string[]) => ({ id, group, constraints: { fields: [] } })

function definition(requirements?: object[]): DifPresentationExchangeDefinition {
  return {
    id: 'd',
    input_descriptors: [descriptor('a', ['A']), descriptor('b', ['B']), descriptor('c', ['B']), descriptor('d', ['B'])],
    ...(requirements ? { submission_requirements: requirements } : {}),
  } as DifPresentationExchangeDefinition
}

describe('DIF PE submission requirements: which subsets a request allows', () => {
  it('without requirements every descriptor is needed', () => {
    expect(allowsSubmission(definition(), ['a', 'b', 'c', 'd'])).toBe(true)
    expect(allowsSubmission(definition(), ['a', 'b', 'c'])).toBe(false)
    expect([...omittable(definition())]).toEqual([])
  })

  it('all of one group, and a pick with min, max or count of another', () => {
    const min = definition([
      { rule: 'all', from: 'A' },
      { rule: 'pick', min: 2, from: 'B' },
    ])
    expect(allowsSubmission(min, ['a', 'b', 'c'])).toBe(true)
    expect(allowsSubmission(min, ['a', 'b'])).toBe(false)
    expect(allowsSubmission(min, ['b', 'c', 'd'])).toBe(false)
    expect([...omittable(min)]).toEqual(['b', 'c', 'd'])
    const count = definition([{ rule: 'pick', count: 1, from: 'B' }])
    expect(allowsSubmission(count, ['b'])).toBe(true)
    expect(allowsSubmission(count, ['b', 'c'])).toBe(false)
    const max = definition([{ rule: 'pick', max: 1, from: 'B' }])
    expect(allowsSubmission(max, ['c'])).toBe(true)
    expect(allowsSubmission(max, ['c', 'd'])).toBe(false)
  })

  it('nested requirements count the nested ones that hold', () => {
    const nested = definition([
      {
        rule: 'pick',
        count: 1,
        from_nested: [
          { rule: 'all', from: 'A' },
          { rule: 'pick', min: 3, from: 'B' },
        ],
      },
    ])
    expect(allowsSubmission(nested, ['a'])).toBe(true)
    expect(allowsSubmission(nested, ['b', 'c', 'd'])).toBe(true)
    expect(allowsSubmission(nested, ['a', 'b', 'c', 'd'])).toBe(false)
    expect(allowsSubmission(nested, ['b', 'c'])).toBe(false)
  })
})
