import { Kms } from '@credo-ts/core'
import { OpenId4VcIssuanceSessionState, OpenId4VcModule, type OpenId4VcIssuerApi } from '@credo-ts/openid4vc'

import { companyDidKey, startOpenId4VcAgent, type OpenId4VcCompanyOptions } from './openId4VcAgent'
import type { SamplePerson } from './sampleData'

/** The type of the bank's account credential (an example domain: nothing is fetched from it). */
export const DEMO_ACCOUNT_VCT = 'https://bank.custos.example/credentials/account'
const ISSUER_ID = 'bank'
const names = (de: string, en: string, nl: string) => [
  { name: de, locale: 'de' },
  { name: en, locale: 'en' },
  { name: nl, locale: 'nl' },
]

const base = {
  format: 'dc+sd-jwt' as const,
  vct: DEMO_ACCOUNT_VCT,
  cryptographic_binding_methods_supported: ['jwk'],
  proof_types_supported: {
    jwt: {
      proof_signing_alg_values_supported: [
        Kms.KnownJwaSignatureAlgorithms.EdDSA,
        Kms.KnownJwaSignatureAlgorithms.ES256,
      ],
    },
  },
  credential_metadata: { display: names('Kontonachweis', 'Proof of account', 'Rekeningbewijs') },
}

/**
 * SD-JWT VC (`dc+sd-jwt`), every claim selectively disclosable, named in German, English and Dutch
 * (OpenID4VCI 1.0 `credential_metadata`; Credo's type has no `claims`, which it publishes as given).
 */
const account = {
  ...base,
  credential_metadata: {
    ...base.credential_metadata,
    claims: [
      { path: ['iban'], display: names('Kontonummer (IBAN)', 'Account number (IBAN)', 'Rekeningnummer (IBAN)') },
      { path: ['monthly_income'], display: names('Monatlicher Eingang', 'Monthly income', 'Maandelijkse inkomsten') },
    ],
  },
} as typeof base

/** The account's claims for a sample person: what the bank knows of them. */
export function accountClaims(person: SamplePerson) {
  const [given, ...family] = person.name.split(' ')
  return {
    given_name: given,
    family_name: family.join(' '),
    iban: person.iban,
    // Net per month, roughly: the salary that arrives on the account.
    monthly_income: Math.round((person.grossYearlyIncome * 0.7) / 12),
    employer: person.employer,
  }
}

/**
 * The demo's OpenID4VC bank: Credo 0.6.3's own issuer module on 127.0.0.1, offering the account by
 * pre-authorized code (OpenID4VCI 1.0). `GET /demo/offer` serves a fresh offer link as text.
 */
export class OpenId4VcBank {
  private constructor(
    private readonly issuer: OpenId4VcIssuerApi,
    readonly baseUrl: string,
    readonly did: string,
    readonly stop: () => Promise<void>,
  ) {}

  person?: SamplePerson

  static async start(options: OpenId4VcCompanyOptions): Promise<OpenId4VcBank> {
    // The mapper runs only after start returns; it reads the bank's customer through this.
    const started: { bank?: OpenId4VcBank } = {}
    let kid = ''
    const company = await startOpenId4VcAgent(
      options,
      (app, baseUrl) =>
        new OpenId4VcModule({
          app,
          issuer: {
            baseUrl: `${baseUrl}/oid4vci`,
            // A person in the demo may take a while to paste the link.
            statefulCredentialOfferExpirationInSeconds: 3600,
            credentialRequestToCredentialMapper: async ({ holderBinding }) => {
              if (!started.bank?.person) throw new Error('The demo bank has no customer yet.')
              const claims = accountClaims(started.bank.person)
              return {
                type: 'credentials',
                format: 'dc+sd-jwt',
                credentials: holderBinding.keys.map((holder) => ({
                  payload: { vct: DEMO_ACCOUNT_VCT, ...claims },
                  holder,
                  issuer: { method: 'did', didUrl: kid },
                  disclosureFrame: { _sd: Object.keys(claims) },
                })),
              }
            },
          },
        }),
    )
    const didKey = await companyDidKey(company.agent)
    kid = didKey.kid
    const issuer = company.agent.openid4vc.issuer
    const metadata = {
      credentialConfigurationsSupported: { account },
      display: names(options.name, options.name, options.name),
    }
    await issuer
      .getIssuerByIssuerId(ISSUER_ID)
      .then(() => issuer.updateIssuerMetadata({ issuerId: ISSUER_ID, ...metadata }))
      .catch(() => issuer.createIssuer({ issuerId: ISSUER_ID, ...metadata }))
    const bank = new OpenId4VcBank(issuer, company.baseUrl, didKey.did, company.stop)
    company.app.get('/demo/offer', (_req, res) => {
      bank.offer().then(
        ({ link }) => res.type('text/plain').send(`${link}\n`),
        (error: unknown) => res.status(500).type('text/plain').send(String(error)),
      )
    })
    started.bank = bank
    return bank
  }

  async offer(): Promise<{ link: string; sessionId: string }> {
    const { credentialOffer, issuanceSession } = await this.issuer.createCredentialOffer({
      issuerId: ISSUER_ID,
      credentialConfigurationIds: ['account'],
      preAuthorizedCodeFlowConfig: {},
      version: 'v1',
    })
    return { link: credentialOffer, sessionId: issuanceSession.id }
  }

  /** Resolves once the offer's credential was issued. */
  async issued(sessionId: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const { state } = await this.issuer.getIssuanceSessionById(sessionId)
      if (state === OpenId4VcIssuanceSessionState.Completed) return
      if (state === OpenId4VcIssuanceSessionState.Error) throw new Error('the offer ended in an error')
      if (Date.now() > deadline) throw new Error('the offer was not taken in time')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
}
