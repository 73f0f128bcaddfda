import { describe, expect, it } from 'vitest'

import { Occupancy } from '../../electron/node/transports/Occupancy'
import { RateLimiter } from '../../electron/node/transports/RateLimiter'

describe('inbound limits', () => {
  it('forgets the addresses quiet longest, never an active flooder whose allowance is spent', () => {
    let now = 0
    // More addresses than it tracks (10,000), so eviction runs while the flooder keeps sending.
    const limiter = new RateLimiter({ burst: 1, perSecond: 0.001 }, () => now)
    expect(limiter.take('flooder').allowed).toBe(true)
    for (let n = 0; n < 12_000; n++) {
      now += 1
      limiter.take(`quiet-${n}`)
      // The flooder keeps sending between the others and must stay refused through every eviction.
      expect(limiter.take('flooder').allowed).toBe(false)
    }
  })

  it('bounds what is open at once, in all and per address, and gives each slot back once', () => {
    const occupancy = new Occupancy(3, 2)
    const a1 = occupancy.take('a')
    const a2 = occupancy.take('a')
    expect(occupancy.take('a')).toBeUndefined()
    const b1 = occupancy.take('b')
    expect(occupancy.take('c')).toBeUndefined()
    a1?.()
    a1?.()
    expect(occupancy.take('c')).toBeDefined()
    expect(occupancy.take('d')).toBeUndefined()
    expect([a2, b1].every(Boolean)).toBe(true)
  })
})
