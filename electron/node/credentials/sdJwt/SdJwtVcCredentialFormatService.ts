import { CredoError, SdJwtVcRecord, SdJwtVcService, type AgentContext } from '@credo-ts/core'
import {
  type DidCommCredentialFormatAcceptOfferOptions,
  type DidCommCredentialFormatAcceptRequestOptions,
  type DidCommCredentialFormatCreateOfferOptions,
  type DidCommCredentialFormatCreateOfferReturn,
  type DidCommCredentialFormatCreateReturn,
  type DidCommCredentialFormatProcessCredentialOptions,
  type DidCommCredentialFormatProcessOptions,
  type DidCommCredentialFormatService,
} from '@credo-ts/didcomm'

import {
  SD_JWT_VC_CREDENTIAL,
  SD_JWT_VC_OFFER,
  SD_JWT_VC_REQUEST,
  type SdJwtVcCredentialData,
  type SdJwtVcCredentialFormat,
  type SdJwtVcOfferData,
  type SdJwtVcRequestData,
} from './sdJwtVcFormat'
import { attach } from './attach'
import { OfferOnlyFormatSteps } from './OfferOnlyFormatSteps'
import { checkIssuedAsOffered, checkOfferData, didUrlOf } from './sdJwtVcChecks'

/**
 * SD-JWT VCs over issue-credential v2 (see sdJwtVcFormat.ts for the attachment formats). The issuer
 * offers claims and a disclosure frame, the holder answers with its binding DID, the issuer signs with
 * Credo's SdJwtVcService; the holder verifies the signature and that it is what was offered, then keeps
 * it as Credo's SdJwtVcRecord. Holder-initiated proposals are not part of this format.
 */
export class SdJwtVcCredentialFormatService
  extends OfferOnlyFormatSteps
  implements DidCommCredentialFormatService<SdJwtVcCredentialFormat>
{
  readonly formatKey = 'sdJwtVc' as const
  readonly credentialRecordType = 'sd-jwt-vc' as const

  supportsFormat(format: string): boolean {
    return [SD_JWT_VC_OFFER, SD_JWT_VC_REQUEST, SD_JWT_VC_CREDENTIAL].includes(format)
  }

  async createOffer(
    _agentContext: AgentContext,
    { credentialFormats }: DidCommCredentialFormatCreateOfferOptions<SdJwtVcCredentialFormat>,
  ): Promise<DidCommCredentialFormatCreateOfferReturn> {
    const offer = credentialFormats.sdJwtVc
    if (!offer) throw new CredoError('No sdJwtVc offer given.')
    checkOfferData(offer)
    return attach(SD_JWT_VC_OFFER, offer)
  }

  async processOffer(
    _agentContext: AgentContext,
    { attachment }: DidCommCredentialFormatProcessOptions,
  ): Promise<void> {
    checkOfferData(attachment.getDataAsJson<SdJwtVcOfferData>())
  }

  async acceptOffer(
    _agentContext: AgentContext,
    { credentialFormats }: DidCommCredentialFormatAcceptOfferOptions<SdJwtVcCredentialFormat>,
  ): Promise<DidCommCredentialFormatCreateReturn> {
    const holder = credentialFormats?.sdJwtVc?.holder
    if (!holder) throw new CredoError('An SD-JWT VC request needs the holder binding DID.')
    return attach(SD_JWT_VC_REQUEST, { holder } satisfies SdJwtVcRequestData)
  }

  async processRequest(
    _agentContext: AgentContext,
    { attachment }: DidCommCredentialFormatProcessOptions,
  ): Promise<void> {
    const { holder } = attachment.getDataAsJson<SdJwtVcRequestData>()
    if (holder?.method !== 'did' || !holder.didUrl?.startsWith('did:key:')) {
      throw new CredoError('The request names no did:key to bind the credential to.')
    }
  }

  async acceptRequest(
    agentContext: AgentContext,
    { offerAttachment, requestAttachment }: DidCommCredentialFormatAcceptRequestOptions<SdJwtVcCredentialFormat>,
  ): Promise<DidCommCredentialFormatCreateReturn> {
    if (!offerAttachment) throw new CredoError('SD-JWT VCs are issued on an offer only.')
    const offer = offerAttachment.getDataAsJson<SdJwtVcOfferData>()
    const { holder } = requestAttachment.getDataAsJson<SdJwtVcRequestData>()
    const payload = { vct: offer.vct, ...offer.claims, ...(offer.expiresAt ? { exp: offer.expiresAt } : {}) }
    const signed = await agentContext.dependencyManager.resolve(SdJwtVcService).sign(agentContext, {
      payload,
      holder,
      issuer: { method: 'did', didUrl: didUrlOf(offer.issuer) },
      disclosureFrame: offer.disclosureFrame,
    })
    return attach(SD_JWT_VC_CREDENTIAL, { compact: signed.compact } satisfies SdJwtVcCredentialData)
  }

  /** Verifies and stores; subclasses add where it may come from. Returns the stored record's id. */
  async processCredential(
    agentContext: AgentContext,
    options: DidCommCredentialFormatProcessCredentialOptions,
  ): Promise<void> {
    const service = agentContext.dependencyManager.resolve(SdJwtVcService)
    const { compact } = options.attachment.getDataAsJson<SdJwtVcCredentialData>()
    const verified = await service.verify(agentContext, { compactSdJwtVc: compact })
    if (!verified.isValid) throw new CredoError(`The SD-JWT VC does not verify: ${verified.error.message}`)
    const offer = options.offerAttachment.getDataAsJson<SdJwtVcOfferData>()
    const request = options.requestAttachment.getDataAsJson<SdJwtVcRequestData>()
    checkIssuedAsOffered(verified.sdJwtVc, offer, request)
    const record = await service.store(agentContext, {
      record: new SdJwtVcRecord({ credentialInstances: [{ compactSdJwtVc: compact }] }),
    })
    options.credentialExchangeRecord.credentials.push({
      credentialRecordType: this.credentialRecordType,
      credentialRecordId: record.id,
    })
  }

  async deleteCredentialById(agentContext: AgentContext, credentialId: string): Promise<void> {
    await agentContext.dependencyManager.resolve(SdJwtVcService).deleteById(agentContext, credentialId)
  }
}
