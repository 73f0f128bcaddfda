import { describe, expect, it } from 'vitest'

import { claimText } from '../../renderer/src/screens/myData/claimsText'
import { otherHolders } from '../../renderer/src/screens/myData/jointHolders'

// What My data says of a joint document, read from the credential's claims alone.
describe('a joint document on My data', () => {
  it('names the other holders of a joint statement, and nobody for a single holder or a list of other things', () => {
    const joint = { accountHolder: 'Anna', accountHolders: ['Anna', 'Ben'], iban: 'NL00CUST0000000001' }
    expect(otherHolders(joint)).toEqual(['Ben'])
    expect(otherHolders({ ...joint, accountHolder: 'Ben' })).toEqual(['Anna'])
    expect(otherHolders({ accountHolder: 'Anna', accountHolders: ['Anna', 'Ben', 'Carla'] })).toEqual(['Ben', 'Carla'])
    expect(otherHolders({ accountHolder: 'Anna', iban: 'NL00CUST0000000001' })).toEqual([])
    expect(otherHolders({ accountHolder: 'Anna', accountHolders: 'Anna, Ben' })).toEqual([])
    expect(otherHolders({ accountHolder: 'Anna', accountHolders: ['Anna', 7, null] })).toEqual([])
    expect(otherHolders({ insuredMembers: ['Anna', 'Ben'] })).toEqual([])
  })

  it('reads a list of names as one line', () => {
    expect(claimText(['Anna', 'Ben'])).toBe('Anna, Ben')
    expect(claimText({ street: 'Lindelaan 4', city: 'Oostermeer' })).toBe('street: Lindelaan 4, city: Oostermeer')
  })
})
