import type { TrustListDocument } from '../../shared/api'
import { didKeyOfPrivateKey, signTrustList } from '../../electron/node/trustLists'
import { demoPrivateKey } from '../companies/demoKeys'

export const DEMO_PUBLISHER = 'Custos Demo Trust Registry'
export const MORTGAGE_LENDER = 'licensed-mortgage-lender'
export const INSURER = 'licensed-insurer'

/**
 * The demo trust list: the demo lender and insurer (their did:keys come from demoPrivateKey of their
 * names, as Lender.start takes them), each with what it publishes that it needs per purpose. Signed by
 * the demo publisher's did:key, also from a fixed seed, with a fixed date: the same bytes every time.
 */
export function demoTrustList(): TrustListDocument {
  return signTrustList(
    {
      type: 'CustosTrustList',
      version: 1,
      id: 'urn:custos:demo-trust-list',
      name: 'Custos demo: licensed lenders and insurers',
      publisher: didKeyOfPrivateKey(demoPrivateKey(DEMO_PUBLISHER)),
      issued: '2026-01-01T00:00:00.000Z',
      entries: [
        {
          did: didKeyOfPrivateKey(demoPrivateKey('Lender')),
          name: 'Lender',
          roles: [MORTGAGE_LENDER],
          purposes: [
            {
              purpose: 'dpv:CreditChecking',
              required: ['name', 'address', 'grossYearlyIncome', 'employedSince'],
              optional: ['dateOfBirth'],
            },
          ],
        },
        {
          did: didKeyOfPrivateKey(demoPrivateKey('Insurer')),
          name: 'Insurer',
          roles: [INSURER],
          purposes: [{ purpose: 'dpv:IdentityVerification', required: ['name', 'age_over_18'], optional: [] }],
        },
      ],
    },
    demoPrivateKey(DEMO_PUBLISHER),
  )
}
