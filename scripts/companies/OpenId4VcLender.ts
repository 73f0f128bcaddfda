import type { SdJwtVc } from '@credo-ts/core'
import { OpenId4VcModule, OpenId4VcVerificationSessionState, type OpenId4VcVerifierApi } from '@credo-ts/openid4vc'

import { companyDidKey, startOpenId4VcAgent, type OpenId4VcCompanyOptions } from './openId4VcAgent'
import { DEMO_ACCOUNT_VCT } from './OpenId4VcBank'

const VERIFIER_ID = 'lender'
/** What the lender asks of the account: two of its five claims. */
export const LENDER_ASKS = ['family_name', 'monthly_income']
/** What it states in its signed request (`verifier_info` of format `custos_terms`, see docs/openid4vc.md). */
const TERMS = {
  format: 'custos_terms',
  data: { dpvPurpose: 'dpv:CreditChecking', purpose: 'Mortgage offer', retention: 'P1Y' },
}

export type OpenId4VcOutcome =
  { state: 'verified'; claims: Record<string, unknown> } | { state: 'refused' | 'failed'; reason: string }

/**
 * The demo's OpenID4VC lender: Credo 0.6.3's own verifier module on 127.0.0.1, asking by OpenID4VP 1.0
 * with a DCQL query in a request object signed with its did:key. `GET /demo/request` serves a fresh link.
 */
export class OpenId4VcLender {
  private constructor(
    private readonly verifier: OpenId4VcVerifierApi,
    private readonly kid: string,
    readonly baseUrl: string,
    readonly did: string,
    readonly stop: () => Promise<void>,
  ) {}

  static async start(options: OpenId4VcCompanyOptions): Promise<OpenId4VcLender> {
    const company = await startOpenId4VcAgent(
      options,
      (app, baseUrl) =>
        new OpenId4VcModule({
          app,
          verifier: { baseUrl: `${baseUrl}/oid4vp`, authorizationRequestExpirationInSeconds: 3600 },
        }),
    )
    const { did, kid } = await companyDidKey(company.agent)
    const verifier = company.agent.openid4vc.verifier
    const metadata = { verifierId: VERIFIER_ID, clientMetadata: { client_name: options.name } }
    await verifier
      .getVerifierByVerifierId(VERIFIER_ID)
      .then(() => verifier.updateVerifierMetadata(metadata))
      .catch(() => verifier.createVerifier(metadata))
    const lender = new OpenId4VcLender(verifier, kid, company.baseUrl, did, company.stop)
    company.app.get('/demo/request', (_req, res) => {
      lender.request().then(
        ({ link }) => res.type('text/plain').send(`${link}\n`),
        (error: unknown) => res.status(500).type('text/plain').send(String(error)),
      )
    })
    return lender
  }

  async request(): Promise<{ link: string; sessionId: string }> {
    const { authorizationRequest, verificationSession } = await this.verifier.createAuthorizationRequest({
      verifierId: VERIFIER_ID,
      requestSigner: { method: 'did', didUrl: this.kid },
      dcql: {
        query: {
          credentials: [
            {
              id: 'account',
              format: 'dc+sd-jwt',
              meta: { vct_values: [DEMO_ACCOUNT_VCT] },
              claims: LENDER_ASKS.map((claim) => ({ path: [claim] })),
            },
          ],
        },
      },
      verifierInfo: [TERMS],
      responseMode: 'direct_post',
      version: 'v1',
    })
    return { link: authorizationRequest, sessionId: verificationSession.id }
  }

  /** What the lender verified, once the answer arrived (or the wallet said no). */
  async outcome(sessionId: string, timeoutMs: number): Promise<OpenId4VcOutcome> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const session = await this.verifier.getVerificationSessionById(sessionId)
      if (session.state === OpenId4VcVerificationSessionState.ResponseVerified) {
        const { dcql } = await this.verifier.getVerifiedAuthorizationResponse(sessionId)
        const presented = dcql?.presentations.account?.[0] as SdJwtVc | undefined
        const { vct, iss, cnf, iat, ...claims } = (presented?.prettyClaims ?? {}) as Record<string, unknown>
        void [vct, iss, cnf, iat]
        return { state: 'verified', claims }
      }
      if (session.state === OpenId4VcVerificationSessionState.Error) {
        return { state: 'refused', reason: session.errorMessage ?? 'the answer was not valid' }
      }
      if (Date.now() > deadline) return { state: 'failed', reason: 'no answer in time' }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
