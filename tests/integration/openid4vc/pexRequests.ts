import type { DifPresentationExchangeDefinitionV2 } from '@credo-ts/core'

import { ACCOUNT_VCT, type startVerifier } from './plainAgents'

/** The lender's terms as a Presentation Exchange definition states them: its `purpose`, as a DIDComm comment does. */
export const PEX_PURPOSE = `custos-terms:${JSON.stringify({ dpvPurpose: 'dpv:CreditChecking', purpose: 'Mortgage offer', retention: 'P1Y' })}`

/**
 * A presentation definition for these claims of the account credential, as verifiers on the OpenID4VP drafts
 * send it: SD-JWT VC by the drafts' name (`vc+sd-jwt`) or the final one (`dc+sd-jwt`), limiting disclosure
 * or not (the node limits it anyway).
 */
export function accountDefinition(
  claims: string[],
  format: 'vc+sd-jwt' | 'dc+sd-jwt' = 'vc+sd-jwt',
  limit = true,
): DifPresentationExchangeDefinitionV2 {
  const algs = { 'sd-jwt_alg_values': ['EdDSA', 'ES256'], 'kb-jwt_alg_values': ['EdDSA', 'ES256'] }
  return {
    id: 'mortgage-check',
    purpose: PEX_PURPOSE,
    input_descriptors: [
      {
        id: 'account',
        format: { [format]: algs },
        constraints: {
          ...(limit ? { limit_disclosure: 'required' as const } : {}),
          fields: [
            { path: ['$.vct'], filter: { type: 'string', const: ACCOUNT_VCT } },
            ...claims.map((claim) => ({ path: [`$.${claim}`] })),
          ],
        },
      },
    ],
  } as DifPresentationExchangeDefinitionV2
}

/** A signed draft-24 request asking with a presentation definition (Credo's verifier asks PE only before v1). */
export function pexRequest(
  verifier: Awaited<ReturnType<typeof startVerifier>>,
  definition: DifPresentationExchangeDefinitionV2,
) {
  return verifier.agent.openid4vc.verifier.createAuthorizationRequest({
    verifierId: verifier.verifier.verifierId,
    requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
    presentationExchange: { definition },
    responseMode: 'direct_post',
    version: 'v1.draft24',
  })
}
