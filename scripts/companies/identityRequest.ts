import type { DifPresentationExchangeDefinitionV2 } from '@credo-ts/core'

import { inApplication, mortgageDefinition, mortgageWithStatements } from './mortgageRequest'

const SD_JWT_FORMAT = { 'sd-jwt_alg_values': ['EdDSA'], 'kb-jwt_alg_values': ['EdDSA'] }

/** A field any identity credential answers: JSON-LD (`$.credentialSubject.…`) or SD-JWT VC (`$.…`). */
export function eitherPath(...claims: string[]) {
  return { path: claims.flatMap((name) => [`$.credentialSubject.${name}`, `$.${name}`]) }
}

/** A field of the identity request; `optional` lets the person leave its statement out. */
export type IdentityField = ReturnType<typeof eitherPath> & { optional?: boolean }

/**
 * Identity asked for as either format, field by field: `eitherPath('city')`, or `eitherPath('dateOfBirth',
 * 'age_over_18')` where the lender accepts either claim.
 */
export function identityRequest(fields: IdentityField[]): DifPresentationExchangeDefinitionV2 {
  return {
    id: 'identity-check',
    name: 'Identity check',
    purpose: 'mortgage application',
    format: { ...mortgageDefinition.format, 'vc+sd-jwt': SD_JWT_FORMAT },
    input_descriptors: [
      {
        id: 'identity',
        name: 'Identity',
        purpose: 'Who applies',
        constraints: {
          fields: [
            {
              path: ['$.type', '$.vct'],
              // JSON Schema applies `contains` to arrays only and `pattern` to strings only: so one filter
              // takes a JSON-LD `type` array and an SD-JWT VC's `vct` string, each by its own rule.
              filter: { contains: { const: 'IdentityCredential' }, pattern: '^IdentityCredential$' },
            },
            ...fields,
          ],
        },
      },
    ],
  }
}

/** Identity (either format, only `identityFields`), income and the last three statements. */
export function fullMortgageRequest(
  identityFields: IdentityField[],
  periods: string[],
): DifPresentationExchangeDefinitionV2 {
  return {
    ...mortgageWithStatements(periods),
    id: 'mortgage-application-full',
    format: { ...mortgageDefinition.format, 'vc+sd-jwt': SD_JWT_FORMAT },
    input_descriptors: [
      ...inApplication(identityRequest(identityFields).input_descriptors),
      ...mortgageWithStatements(periods).input_descriptors.filter((descriptor) => descriptor.id !== 'identity'),
    ],
  }
}
