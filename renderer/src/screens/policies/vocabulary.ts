/**
 * The credential types and their claims a policy can name from the form: those of the issuers this
 * version knows (the sample registry, employer and bank). A policy made from a request
 * ("Share and remember") names whatever that request asked.
 */
export const knownClaims: Record<string, string[]> = {
  IdentityCredential: ['name', 'dateOfBirth', 'age_over_18', 'address', 'nationality'],
  IncomeCredential: ['grossYearlyIncome', 'employedSince', 'employer'],
  BankStatementCredential: [
    'period',
    'openingBalance',
    'closingBalance',
    'currency',
    'iban',
    'accountHolder',
    'document',
  ],
}

export const knownTypes = Object.keys(knownClaims)
