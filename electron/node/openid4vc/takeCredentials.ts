import {
  ClaimFormat,
  MdocRecord,
  MdocRepository,
  SdJwtVcRecord,
  SdJwtVcRepository,
  W3cCredentialRecord,
  W3cCredentialRepository,
  type AgentContext,
} from '@credo-ts/core'
import {
  OpenId4VcHolderApi,
  type OpenId4VciRequestTokenResponse,
  type OpenId4VciResolvedCredentialOffer,
} from '@credo-ts/openid4vc'

import type { CredentialDisplay, CredentialOfferSummary, HeldCredential } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { setArrival, setIssuerDisplay, setSignatureCheck, setStanding, toHeld } from '../credentials'
import { bindToNewKeys, KEY_ATTESTATION_REFUSAL } from './keyBinding'
import { withMdocChainAsGiven } from './mdocTrust'
import { withPeer } from './peerFailures'
import { setRenewal } from './renewal'

/**
 * Offers of a format the node cannot keep, or that need a wallet's key attestation, are refused whole,
 * before anything is asked of the issuer.
 */
export function refuseUnkept(summary: CredentialOfferSummary): void {
  const refused = summary.credentials.filter((credential) => !credential.supported)
  if (refused.length === 0) return
  if (refused.some((credential) => credential.unsupportedBecause === 'attestation')) {
    throw new CustosError('CredentialRefused', KEY_ATTESTATION_REFUSAL)
  }
  const formats = [...new Set(refused.map((credential) => credential.format))].join(', ')
  throw new CustosError(
    'CredentialRefused',
    `Custos cannot keep credentials in the format ${formats} yet; nothing was taken.`,
  )
}

/**
 * With an access token (by pre-authorized code or after a sign-in), asks the issuer for each offered
 * credential bound to new keys, and keeps all of them or none. Credo has checked each one's signature.
 */
export async function takeCredentials(
  agentContext: AgentContext,
  resolved: OpenId4VciResolvedCredentialOffer,
  summary: CredentialOfferSummary,
  token: OpenId4VciRequestTokenResponse,
  /** After a sign-in: the client the token was issued to, which the key proofs must name (their `iss`). */
  clientId?: string,
): Promise<HeldCredential[]> {
  const response = await withPeer('the issuer', 'The issuer did not issue the credential', () =>
    withMdocChainAsGiven(agentContext, () =>
      agentContext.resolve(OpenId4VcHolderApi).requestCredentials({
        resolvedCredentialOffer: resolved,
        ...token,
        clientId,
        credentialBindingResolver: bindToNewKeys,
      }),
    ),
  )
  const records = response.credentials.map((credential) => credential.record)
  if (records.length === 0) throw new CustosError('CredentialRefused', 'The issuer sent no credential.')
  if (!records.every((record): record is Kept => kept(record))) {
    throw new CustosError('CredentialRefused', 'The issuer sent a credential in another format than it offered.')
  }
  // Each credential keeps the names its issuer gave it, per language, as the offer showed them.
  const displays = response.credentials.map(
    ({ credentialConfigurationId }) =>
      summary.credentials.find((offered) => offered.configurationId === credentialConfigurationId)?.display,
  )
  // A refresh token lets the node ask for a new batch when every instance went to some verifier (renewBatch).
  if (token.refreshToken && !token.dpop) {
    for (const [index, record] of records.entries()) {
      setRenewal(record, {
        credentialIssuer: resolved.metadata.credentialIssuer.credential_issuer,
        configurationId: response.credentials[index].credentialConfigurationId,
        refreshToken: token.refreshToken,
        authorizationServer: token.authorizationServer,
        clientId,
      })
    }
  }
  return storeAll(agentContext, records, summary.issuer.url, displays)
}

/** The records the node keeps from OpenID4VCI: SD-JWT VCs, W3C VCs signed as a JWT, mdocs. */
type Kept = SdJwtVcRecord | W3cCredentialRecord | MdocRecord

function kept(record: unknown): boolean {
  return (
    record instanceof SdJwtVcRecord ||
    record instanceof MdocRecord ||
    (record instanceof W3cCredentialRecord && record.firstCredential.claimFormat === ClaimFormat.JwtVc)
  )
}

function repositoryOf(agentContext: AgentContext, record: Kept) {
  if (record instanceof MdocRecord) return agentContext.resolve(MdocRepository)
  return record instanceof SdJwtVcRecord
    ? agentContext.resolve(SdJwtVcRepository)
    : agentContext.resolve(W3cCredentialRepository)
}

/** All or nothing: a failed save takes back the ones saved before it. */
async function storeAll(
  agentContext: AgentContext,
  records: Kept[],
  issuerUrl: string,
  displays: (CredentialDisplay | undefined)[],
): Promise<HeldCredential[]> {
  const saved: Kept[] = []
  const checkedAt = new Date().toISOString()
  try {
    for (const [index, record] of records.entries()) {
      setArrival(record, { exchangeId: `openid4vci:${issuerUrl}` })
      const display = displays[index]
      if (display) setIssuerDisplay(record, display)
      setSignatureCheck(record, { result: 'valid', checkedAt })
      // Its X.509 chain was taken as given (mdocTrust): no trust list names this issuer.
      if (record instanceof MdocRecord) setStanding(record, { issuerIsConnection: false, listedBy: [] })
      // Credo's repositories take their own record type; the union is split at the call.
      await (repositoryOf(agentContext, record) as SdJwtVcRepository).save(agentContext, record as SdJwtVcRecord)
      saved.push(record)
    }
  } catch (error) {
    for (const record of saved) {
      await (repositoryOf(agentContext, record) as SdJwtVcRepository)
        .delete(agentContext, record as SdJwtVcRecord)
        .catch(() => undefined)
    }
    throw error
  }
  return saved.map((record) => toHeld(agentContext, record))
}
