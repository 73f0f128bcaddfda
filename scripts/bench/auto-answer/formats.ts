import type { DifPresentationExchangeDefinitionV2 } from '@credo-ts/core'

import type { PolicyInput } from '../../../shared/api'
import { mortgagePolicy } from '../../../tests/helpers/consent'
import { eitherPath, identityRequest, mortgageDefinition } from '../../companies'

export type Format = 'jsonld' | 'sd-jwt'

export function formatOf(value: string | undefined): Format {
  if (value === 'jsonld' || value === 'sd-jwt') return value
  throw new Error(`--format is jsonld or sd-jwt, not ${value}`)
}

// The same request goes to the Custos node and to the plain Credo holder.
//   jsonld: the mortgage request (identity and income, two Ed25519Signature2018 credentials, one VP)
//   sd-jwt: identity as an SD-JWT VC, only the city and age_over_18 disclosed, with key binding
export function definitionFor(format: Format): DifPresentationExchangeDefinitionV2 {
  if (format === 'jsonld') return mortgageDefinition
  return identityRequest([eitherPath('address.city'), eitherPath('dateOfBirth', 'age_over_18')])
}

/** The standing policy that answers that request from one connection at once. */
export function policyFor(format: Format, connectionId: string): PolicyInput {
  if (format === 'jsonld') return mortgagePolicy(connectionId)
  return {
    ...mortgagePolicy(connectionId),
    name: 'Identity check',
    what: [{ type: 'IdentityCredential', claims: ['address.city', 'age_over_18'] }],
  }
}

/** What the registry lets a holder withhold in the SD-JWT VC. */
export const DISCLOSABLE = ['name', 'dateOfBirth', 'age_over_18', 'address.street', 'address.postcode', 'address.city']
