import { accountQuery, type startVerifier } from './plainAgents'

/** What the lender asks: two of the account's six claims. */
export const ASKED = ['family_name', 'monthly_income']

/** The terms the lender states in its signed request (`verifier_info`, see docs/openid4vc.md). */
export const LENDER_TERMS = {
  format: 'custos_terms',
  data: { dpvPurpose: 'dpv:CreditChecking', purpose: 'Mortgage offer', retention: 'P1Y' },
}

/** The lender's DCQL request for ASKED, signed under its did:key, with its terms (the browser test and the bench). */
export function lenderRequest(verifier: Awaited<ReturnType<typeof startVerifier>>) {
  return verifier.agent.openid4vc.verifier.createAuthorizationRequest({
    verifierId: verifier.verifier.verifierId,
    requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
    dcql: { query: accountQuery(ASKED) },
    verifierInfo: [LENDER_TERMS],
    responseMode: 'direct_post',
    version: 'v1',
  })
}
