import { ageOn, type SamplePerson } from './sampleData'

/**
 * The contexts every sample credential uses; all of them are bundled under resources/jsonld. The
 * signature suite's context is not listed: Credo's Ed25519Signature2018 brings its own, and listing
 * it too redefines its protected terms.
 */
export const CREDENTIAL_CONTEXTS = ['https://www.w3.org/2018/credentials/v1', 'https://custos.example/contexts/v1']

export type CredentialKind =
  | 'IdentityCredential'
  | 'IncomeCredential'
  | 'BankAccountCredential'
  | 'BankStatementCredential'
  | 'HomeInsurancePolicyCredential'

export type Claims = Record<string, unknown>

/** What the population registry states: identity, and a derived age_over_18 so a requester can ask only that. */
export function identityClaims(person: SamplePerson, today = new Date().toISOString().slice(0, 10)): Claims {
  return {
    name: person.name,
    dateOfBirth: person.dateOfBirth,
    address: person.address,
    age_over_18: ageOn(person.dateOfBirth, today) >= 18,
  }
}

export function incomeClaims(person: SamplePerson): Claims {
  return {
    employer: person.employer,
    grossYearlyIncome: person.grossYearlyIncome,
    currency: 'EUR',
    employedSince: person.employedSince,
  }
}

export function bankAccountClaims(person: SamplePerson, bank: string): Claims {
  return { accountHolder: person.name, iban: person.iban, bank }
}
