import { MdocRecord, SdJwtVcRecord, W3cCredentialRecord, type AgentContext } from '@credo-ts/core'
import { OpenId4VcHolderApi, type OpenId4VciResolvedCredentialOffer } from '@credo-ts/openid4vc'

import type { HeldCredential } from '../../../shared/api'
import { CustosError } from '../../../shared/errors'
import { toHeld } from '../credentials'
import { findBatchRecord, saveBatchRecord, type BatchRecord } from './batchRecords'
import { forgetGivenInstances } from './instancePerVerifier'
import { bindToNewKeys } from './keyBinding'
import { checkEndpoint } from './links'
import { withPeer } from './peerFailures'
import { renewalOf, setRenewal } from './renewal'

const ISSUER = 'the issuer'

type Batch = BatchRecord

async function batchRecord(agentContext: AgentContext, credentialId: string): Promise<Batch> {
  const found = await findBatchRecord(agentContext, credentialId)
  if (!found) throw new CustosError('NotFound', 'Custos holds no such credential from an OpenID4VC issuer.')
  return found
}

/**
 * A new batch of a credential whose instances went to verifiers already: the issuer's refresh token is
 * traded for an access token (OpenID4VCI 1.0 §6.3) and the same configuration asked again, bound to new
 * keys. The new instances replace the old ones in the same record (so the credential stays one item, with
 * its history), and no verifier has received any of them. Nothing changes when the issuer refuses.
 */
export async function renewBatch(agentContext: AgentContext, credentialId: string): Promise<HeldCredential> {
  const record = await batchRecord(agentContext, credentialId)
  const renewal = renewalOf(record)
  if (!renewal) {
    throw new CustosError(
      'CredentialRefused',
      'The issuer gave no way to ask for new copies of this credential; take a new offer from it instead.',
    )
  }
  checkEndpoint('issuer', renewal.credentialIssuer)
  const holder = agentContext.resolve(OpenId4VcHolderApi)
  const refused = 'The issuer did not give new copies of the credential'
  const metadata = await withPeer(ISSUER, refused, () => holder.resolveIssuerMetadata(renewal.credentialIssuer))
  const configuration = metadata.knownCredentialConfigurations[renewal.configurationId]
  if (!configuration) throw new CustosError('CredentialRefused', `${refused}: it no longer offers it.`)
  const token = await withPeer(ISSUER, refused, () =>
    holder.refreshToken({
      refreshToken: renewal.refreshToken,
      issuerMetadata: metadata,
      authorizationServer: renewal.authorizationServer,
      clientId: renewal.clientId,
    }),
  )
  const resolvedCredentialOffer: OpenId4VciResolvedCredentialOffer = {
    metadata,
    credentialOfferPayload: {
      credential_issuer: metadata.credentialIssuer.credential_issuer,
      credential_configuration_ids: [renewal.configurationId],
    },
    offeredCredentialConfigurations: { [renewal.configurationId]: configuration },
  }
  const response = await withPeer(ISSUER, refused, () =>
    holder.requestCredentials({
      resolvedCredentialOffer,
      ...token,
      clientId: renewal.clientId,
      credentialBindingResolver: bindToNewKeys,
    }),
  )
  const fresh = response.credentials[0]?.record
  if (!(fresh instanceof record.constructor) || !sameKind(record, fresh as typeof record)) {
    throw new CustosError('CredentialRefused', `${refused}: it sent another kind of credential.`)
  }
  ;(record as SdJwtVcRecord).credentialInstances = (fresh as SdJwtVcRecord).credentialInstances
  forgetGivenInstances(record)
  setRenewal(record, { ...renewal, refreshToken: token.refreshToken ?? renewal.refreshToken })
  await saveBatchRecord(agentContext, record)
  return toHeld(agentContext, record)
}

/** The same credential type (an SD-JWT VC's vct, an mdoc's doctype, a W3C VC's types) as the one it replaces. */
function sameKind(held: Batch, fresh: Batch): boolean {
  if (held instanceof SdJwtVcRecord && fresh instanceof SdJwtVcRecord) {
    return held.firstCredential.payload.vct === fresh.firstCredential.payload.vct
  }
  if (held instanceof W3cCredentialRecord && fresh instanceof W3cCredentialRecord) {
    return JSON.stringify(held.firstCredential.type) === JSON.stringify(fresh.firstCredential.type)
  }
  return (
    held instanceof MdocRecord &&
    fresh instanceof MdocRecord &&
    held.firstCredential.docType === fresh.firstCredential.docType
  )
}
