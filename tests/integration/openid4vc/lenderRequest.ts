import { didKeyOfPrivateKey, signTrustList } from '../../../electron/node/trustLists'
import { demoPrivateKey } from '../../../scripts/companies'
import type { apiOf } from '../../helpers/nodes'
import { ACCOUNT_VCT, accountQuery, type startVerifier } from './plainAgents'

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

type NodeApi = ReturnType<typeof apiOf>

/** A signed trust list, imported into the node, that gives the verifier's `did` the role `mortgage-lender`. */
export async function listAsLender(api: NodeApi, did: string, name = 'Example Lender'): Promise<void> {
  const publisherKey = demoPrivateKey(`openid4vc lenders publisher for ${did}`)
  const list = signTrustList(
    {
      type: 'CustosTrustList',
      version: 1,
      id: `urn:example:lenders:${did}`,
      name: 'Example lenders',
      publisher: didKeyOfPrivateKey(publisherKey),
      issued: new Date().toISOString(),
      entries: [{ did, name, roles: ['mortgage-lender'], purposes: [] }],
    },
    publisherKey,
  )
  await api['trustLists.import']({ document: JSON.stringify(list) })
}

/** The person's standing policy: mortgage lenders may see ASKED of the bank account for credit checks. */
export function lenderPolicy(api: NodeApi) {
  return api['consent.createPolicy']({
    name: 'Lenders may check my income',
    who: { kind: 'role', role: 'mortgage-lender' },
    what: [{ type: ACCOUNT_VCT, claims: ASKED }],
    why: ['dpv:CreditChecking'],
    when: {},
    action: 'share',
    beyond: 'ask',
  })
}
