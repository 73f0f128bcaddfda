import type { DifPresentationExchangeDefinitionV2 } from '@credo-ts/core'

import type { RequestTerms } from '../../electron/node/requests'
import { eitherPath, identityRequest } from './identityRequest'
import { PROPERTY_RECORD } from './propertyRecord'

const typeIs = (kind: string) => ({ path: ['$.type'], filter: { type: 'array', contains: { const: kind } } })
const claim = (name: string) => ({ path: [`$.credentialSubject.${name}`] })

// Identity in either format: JSON-LD, or an SD-JWT VC with only the name and the address disclosed.
const identity = identityRequest(
  ['name', 'address.street', 'address.postcode', 'address.city'].map((c) => eitherPath(c)),
)

/**
 * What an insurer asks each owner for a home-insurance renewal: who they are and where they live (their
 * identity credential), and the land registry's extract of the insured property (parcel, address, owners).
 */
export const renewalDefinition: DifPresentationExchangeDefinitionV2 = {
  id: 'home-insurance-renewal',
  name: 'Home insurance renewal',
  purpose: 'home insurance renewal',
  format: identity.format,
  input_descriptors: [
    { ...identity.input_descriptors[0], purpose: 'Who is insured, and at which address they live' },
    {
      id: 'property',
      name: 'Property record',
      purpose: 'Which property is insured, and who owns it',
      constraints: { fields: [typeIs(PROPERTY_RECORD), claim('parcel'), claim('address'), claim('owners')] },
    },
  ],
}

export const renewalTerms: RequestTerms = {
  purpose: 'home insurance renewal',
  dpvPurpose: 'dpv:ContractPerformance',
  retention: 'P10Y',
  legalBasis: 'contract (GDPR art. 6(1)(b)); policy records kept 10 years',
}

/** The goal of the insurer's invitation for the second owner: its words must name the application. */
export const renewalGoal = (applicationId: string) => `Home insurance renewal ${applicationId}`
