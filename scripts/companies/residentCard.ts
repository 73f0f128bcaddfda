import type { JsonObject } from '@credo-ts/core'

import type { SamplePerson } from './sampleData'

/** W3C VC 1.1 and citizenship v1: the contexts a registry in the field issues a resident card on. */
export const CITIZENSHIP_CONTEXTS = ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/citizenship/v1']

/**
 * A PermanentResidentCard on citizenship v1 for `person`, issued by `issuer` (the registry's own DID),
 * with no subject id: the holder names its own DID in the request.
 */
export function residentCardFor(person: SamplePerson, issuer: string): JsonObject {
  const [givenName, ...family] = person.name.split(' ')
  return {
    '@context': CITIZENSHIP_CONTEXTS,
    type: ['VerifiableCredential', 'PermanentResidentCard'],
    issuer,
    issuanceDate: new Date().toISOString(),
    credentialSubject: {
      type: ['PermanentResident', 'Person'],
      givenName,
      familyName: family.join(' '),
      birthDate: person.dateOfBirth,
      residentSince: '2015-01-01',
    },
  }
}
