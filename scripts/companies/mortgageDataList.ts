import type { AgreementTerms } from '../../shared/api'
import { durationDays } from '../../electron/node/vocabulary'

/**
 * The sample lender's data list (data agreements 1.0): identity and income for credit checking, the last
 * statements if the person wants, kept seven years.
 */
export function mortgageDataList(id: string): AgreementTerms {
  return {
    id,
    revision: 1,
    purposes: ['dpv:CreditChecking'],
    legal_basis: 'contract (GDPR art. 6(1)(b))',
    retention: 'P7Y',
    third_parties: [],
    profiling: false,
    items: [
      {
        id: 'identity',
        types: ['IdentityCredential'],
        claims: ['name', 'dateOfBirth', 'address', 'age_over_18'],
        required: true,
      },
      {
        id: 'income',
        types: ['IncomeCredential'],
        claims: ['employer', 'grossYearlyIncome', 'currency', 'employedSince'],
        required: true,
      },
      { id: 'statements', types: ['BankStatementCredential'], claims: ['period', 'closingBalance'], required: false },
    ],
  }
}

/** The lender takes a counter-offer that keeps identity and income for at least a year. */
export function lenderTakesAYear(_offered: AgreementTerms, counter: AgreementTerms): string | undefined {
  const kept = ['identity', 'income'].every((id) => counter.items.some((item) => item.id === id))
  return (durationDays(counter.retention) ?? 0) >= 365 && kept
    ? undefined
    : 'We need identity and income for at least a year.'
}
