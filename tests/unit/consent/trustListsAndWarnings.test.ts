import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { requestWarnings, type WarningInput } from '../../../electron/node/consent'
import { signTrustList, verifyTrustList } from '../../../electron/node/trustLists'
import { demoPrivateKey } from '../../../scripts/companies'
import { demoTrustList } from '../../../scripts/trustLists/demoTrustList'
import type { RequestWarningKind, TrustListDocument } from '../../../shared/api'
import { TrustListRefusedError } from '../../../shared/errors'

describe('signed trust lists', () => {
  const list = demoTrustList()

  it('the committed demo list is what the script makes, and its signature holds', () => {
    const committed = fs.readFileSync('resources/trust-lists/demo.json', 'utf8')
    expect(committed).toBe(`${JSON.stringify(list, null, 2)}\n`)
    expect(() => verifyTrustList(JSON.parse(committed) as TrustListDocument)).not.toThrow()
  })

  it('layout and key order do not matter to the signature', () => {
    const reordered = Object.fromEntries(Object.entries(list).reverse()) as TrustListDocument
    expect(() => verifyTrustList(reordered)).not.toThrow()
  })

  const tampered: [string, (doc: TrustListDocument) => TrustListDocument][] = [
    ['a role added', (doc) => ({ ...doc, entries: [{ ...doc.entries[0], roles: ['licensed-insurer'] }] })],
    ['an entry added', (doc) => ({ ...doc, entries: [...doc.entries, { ...doc.entries[0], did: 'did:key:z6Mk' }] })],
    ['the name changed', (doc) => ({ ...doc, name: 'Another list' })],
    ['the publisher swapped', (doc) => ({ ...doc, publisher: doc.entries[0].did })],
    ['signed by another key', (doc) => signTrustList({ ...doc, proof: undefined } as never, demoPrivateKey('x'))],
    ['a signature of the wrong length', (doc) => ({ ...doc, proof: { ...doc.proof, proofValue: 'AAAA' } })],
    ['a publisher that is not a did:key', (doc) => ({ ...doc, publisher: 'did:key:notakey' })],
  ]
  it.each(tampered)('refuses a list with %s', (_name, change) => {
    expect(() => verifyTrustList(change(structuredClone(list)))).toThrow(TrustListRefusedError)
  })
})

const base: WarningInput = {
  asked: ['name', 'address', 'grossYearlyIncome'],
  leaving: ['name', 'address', 'grossYearlyIncome'],
  listed: [
    {
      did: 'did:key:z',
      name: 'Lender',
      roles: ['licensed-mortgage-lender'],
      purposes: [{ purpose: 'dpv:CreditChecking', required: ['name', 'address', 'grossYearlyIncome'], optional: [] }],
    },
  ],
  purposeId: 'dpv:CreditChecking',
  held: ['name', 'address', 'grossYearlyIncome'],
}

const warningCases: [string, Partial<WarningInput>, RequestWarningKind[]][] = [
  ['a listed requester asking what it publishes: only name with address identifies', {}, ['identifying']],
  ['no trust list lists it', { listed: [] }, ['untrusted-requester', 'identifying']],
  ['a national id', { asked: ['bsn'], leaving: ['bsn'] }, ['identifying', 'beyond-purpose']],
  ['name with date of birth', { asked: ['name'], leaving: ['name', 'dateOfBirth'] }, ['identifying', 'beyond-request']],
  [
    'street, postcode and city',
    { asked: [], leaving: ['street', 'postcode', 'city'] },
    ['identifying', 'beyond-request'],
  ],
  ['one claim alone does not identify', { asked: ['grossYearlyIncome'], leaving: ['grossYearlyIncome'] }, []],
  [
    'more than the purpose needs',
    { asked: ['grossYearlyIncome', 'employer'], leaving: ['grossYearlyIncome', 'employer'] },
    ['beyond-purpose'],
  ],
  [
    'no published list for the stated purpose: no purpose warning',
    { purposeId: 'dpv:Marketing', asked: ['employer'], leaving: ['employer'] },
    [],
  ],
  [
    'a date of birth where age_over_18 is held',
    { asked: ['dateOfBirth'], leaving: ['dateOfBirth', 'age_over_18'], held: ['dateOfBirth', 'age_over_18'] },
    ['beyond-purpose', 'beyond-request', 'derived-would-do'],
  ],
  [
    'a date of birth the requester publishes as required: no derived warning',
    {
      asked: ['dateOfBirth'],
      leaving: ['dateOfBirth'],
      held: ['dateOfBirth', 'age_over_18'],
      listed: [
        { ...base.listed[0], purposes: [{ purpose: 'dpv:CreditChecking', required: ['dateOfBirth'], optional: [] }] },
      ],
    },
    [],
  ],
]

describe('warnings on a waiting request', () => {
  it.each(warningCases)('%s', (_name, change, kinds) => {
    const warnings = requestWarnings({ ...base, ...change })
    expect(warnings.map((warning) => warning.kind)).toEqual(kinds)
    for (const warning of warnings) expect(warning.message).toBeTruthy()
  })
})
