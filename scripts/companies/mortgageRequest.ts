import type { DifPresentationExchangeDefinitionV2 } from '@credo-ts/core'

import { REQUEST_TERMS_PREFIX, type RequestTerms } from '../../electron/node/requests'

function typeIs(kind: string) {
  return { path: ['$.type'], filter: { type: 'array', contains: { const: kind } } }
}

const claim = (name: string) => ({ path: [`$.credentialSubject.${name}`] })

/** What a lender asks for a mortgage application: identity and income, each from its own issuer. */
export const mortgageDefinition: DifPresentationExchangeDefinitionV2 = {
  id: 'mortgage-application',
  name: 'Mortgage application',
  purpose: 'mortgage application',
  format: { ldp_vc: { proof_type: ['Ed25519Signature2018'] }, ldp_vp: { proof_type: ['Ed25519Signature2018'] } },
  input_descriptors: [
    {
      id: 'identity',
      name: 'Identity',
      purpose: 'Who applies, and where the house will be their address',
      constraints: {
        fields: [typeIs('IdentityCredential'), claim('name'), claim('dateOfBirth'), claim('address')],
      },
    },
    {
      id: 'income',
      name: 'Income',
      purpose: 'How much can be lent',
      constraints: { fields: [typeIs('IncomeCredential'), claim('grossYearlyIncome'), claim('employedSince')] },
    },
  ],
}

/** One statement per month asked, by period, each with the PDF its digest binds. */
export function statementDescriptors(periods: string[]): DifPresentationExchangeDefinitionV2['input_descriptors'] {
  return periods.map((period) => ({
    id: `statement-${period}`,
    group: [STATEMENTS],
    name: `Bank statement ${period}`,
    purpose: 'Income and spending in the last months',
    constraints: {
      fields: [
        typeIs('BankStatementCredential'),
        { path: ['$.credentialSubject.period'], filter: { type: 'string', const: period } },
        claim('closingBalance'),
        claim('document'),
      ],
    },
  }))
}

const APPLICATION = 'application'
const STATEMENTS = 'statements'

/**
 * What the lender needs of an application with statements (DIF PE submission requirements): identity and
 * income always, and at least one of the statements asked; the person may leave the others out. Without
 * these, every descriptor is required and a conforming verifier refuses an answer that leaves one out.
 */
export function statementRequirements(
  periods: string[],
): DifPresentationExchangeDefinitionV2['submission_requirements'] {
  return [
    { name: 'Identity and income', rule: 'all', from: APPLICATION },
    { name: 'Bank statements', rule: 'pick', min: Math.min(1, periods.length), from: STATEMENTS },
  ]
}

/** Puts the application's own descriptors (identity, income) in the group its requirements name. */
export function inApplication(
  descriptors: DifPresentationExchangeDefinitionV2['input_descriptors'],
): DifPresentationExchangeDefinitionV2['input_descriptors'] {
  return descriptors.map((descriptor) => ({ ...descriptor, group: [APPLICATION] }))
}

/** The mortgage request with the last statements (`periods`, newest first), at least one of them needed. */
export function mortgageWithStatements(periods: string[]): DifPresentationExchangeDefinitionV2 {
  return {
    ...mortgageDefinition,
    id: 'mortgage-application-with-statements',
    submission_requirements: statementRequirements(periods),
    input_descriptors: [...inApplication(mortgageDefinition.input_descriptors), ...statementDescriptors(periods)],
  }
}

export const mortgageTerms: RequestTerms = {
  purpose: 'mortgage application',
  dpvPurpose: 'dpv:CreditChecking',
  retention: 'P7Y',
  legalBasis: 'contract (GDPR art. 6(1)(b)); retention by law for 7 years',
}

/** The request's comment carries the terms the verifier states, as the node reads them. */
export function termsComment(terms: RequestTerms): string {
  return `${REQUEST_TERMS_PREFIX}${JSON.stringify(terms)}`
}
