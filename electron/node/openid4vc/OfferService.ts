import { injectable, SdJwtVcRecord, SdJwtVcRepository, type AgentContext } from '@credo-ts/core'
import { OpenId4VcHolderApi, type OpenId4VciResolvedCredentialOffer } from '@credo-ts/openid4vc'

import type { CredentialDisplay, CredentialOfferSummary, HeldCredential } from '../../../shared/api'
import { CustosError, InvalidInputError } from '../../../shared/errors'
import { setArrival, setIssuerDisplay, setSignatureCheck, toHeldSdJwtVc } from '../credentials'
import { bindToNewKeys } from './keyBinding'
import { checkEndpoint, offerLink } from './links'
import { offerByValue, toOfferSummary } from './offerSummary'
import { withPeer } from './peerFailures'

const ISSUER = 'the issuer'

/**
 * OpenID4VCI 1.0 as the holder: an offer is read and shown, then taken by pre-authorized code (with the
 * transaction code the issuer sent another way), each credential bound to a new key in the person's store.
 * Credo checks each issued credential's signature; the node stores all of them or none.
 */
@injectable()
export class OfferService {
  async resolve(agentContext: AgentContext, input: string): Promise<CredentialOfferSummary> {
    const resolved = await this.resolveOffer(agentContext, input)
    return toOfferSummary(resolved, offerByValue(resolved))
  }

  async accept(agentContext: AgentContext, input: string, txCode?: string): Promise<HeldCredential[]> {
    const resolved = await this.resolveOffer(agentContext, input)
    const summary = toOfferSummary(resolved, input)
    const refused = summary.credentials.filter((credential) => !credential.supported)
    if (refused.length > 0) {
      const formats = [...new Set(refused.map((credential) => credential.format))].join(', ')
      throw new CustosError(
        'CredentialRefused',
        `Custos cannot keep credentials in the format ${formats} yet; nothing was taken.`,
      )
    }
    if (summary.grant !== 'pre-authorized_code') {
      throw new CustosError(
        'CredentialRefused',
        'This offer needs a sign-in at the issuer, which Custos does not do yet.',
      )
    }
    if (summary.txCode && !txCode)
      throw new InvalidInputError('The issuer asks for the code it sent you; enter it to take the offer.')
    const holder = agentContext.resolve(OpenId4VcHolderApi)
    const refusal = summary.txCode
      ? 'The issuer did not accept the code; check it and try again'
      : 'The issuer did not accept the request for an access token'
    const token = await withPeer(ISSUER, refusal, () =>
      holder.requestToken({ resolvedCredentialOffer: resolved, txCode: summary.txCode ? txCode : undefined }),
    )
    const response = await withPeer(ISSUER, 'The issuer did not issue the credential', () =>
      holder.requestCredentials({
        resolvedCredentialOffer: resolved,
        ...token,
        credentialBindingResolver: bindToNewKeys,
      }),
    )
    const records = response.credentials.map((credential) => credential.record)
    if (records.length === 0) throw new CustosError('CredentialRefused', 'The issuer sent no credential.')
    if (!records.every((record): record is SdJwtVcRecord => record instanceof SdJwtVcRecord)) {
      throw new CustosError('CredentialRefused', 'The issuer sent a credential in another format than it offered.')
    }
    // Each credential keeps the names its issuer gave it, per language, as the offer showed them.
    const displays = response.credentials.map(
      ({ credentialConfigurationId }) =>
        summary.credentials.find((offered) => offered.configurationId === credentialConfigurationId)?.display,
    )
    return this.storeAll(agentContext, records, summary.issuer.url, displays)
  }

  private async resolveOffer(agentContext: AgentContext, input: string): Promise<OpenId4VciResolvedCredentialOffer> {
    const link = offerLink(input)
    const resolved = await withPeer(ISSUER, 'The credential offer cannot be used', () =>
      agentContext.resolve(OpenId4VcHolderApi).resolveCredentialOffer(link),
    )
    const metadata = resolved.metadata.credentialIssuer
    checkEndpoint('issuer', metadata.credential_issuer)
    checkEndpoint("issuer's credential endpoint", metadata.credential_endpoint)
    checkEndpoint("issuer's nonce endpoint", metadata.nonce_endpoint)
    for (const server of resolved.metadata.authorizationServers ?? []) {
      checkEndpoint("issuer's token endpoint", server.token_endpoint)
    }
    return resolved
  }

  /** All or nothing: a failed save takes back the ones saved before it. */
  private async storeAll(
    agentContext: AgentContext,
    records: SdJwtVcRecord[],
    issuerUrl: string,
    displays: (CredentialDisplay | undefined)[],
  ): Promise<HeldCredential[]> {
    const repository = agentContext.resolve(SdJwtVcRepository)
    const saved: SdJwtVcRecord[] = []
    const checkedAt = new Date().toISOString()
    try {
      for (const [index, record] of records.entries()) {
        setArrival(record, { exchangeId: `openid4vci:${issuerUrl}` })
        const display = displays[index]
        if (display) setIssuerDisplay(record, display)
        setSignatureCheck(record, { result: 'valid', checkedAt })
        await repository.save(agentContext, record)
        saved.push(record)
      }
    } catch (error) {
      for (const record of saved) await repository.delete(agentContext, record).catch(() => undefined)
      throw error
    }
    return saved.map((record) => toHeldSdJwtVc(agentContext, record))
  }
}
