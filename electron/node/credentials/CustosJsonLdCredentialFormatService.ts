import { EventEmitter, JsonEncoder, W3cCredentialRepository, type AgentContext } from '@credo-ts/core'
import {
  DidCommAttachment,
  DidCommAttachmentData,
  DidCommConnectionRepository,
  DidCommJsonLdCredentialFormatService,
  type DidCommCredentialFormatAcceptOfferOptions,
  type DidCommCredentialFormatCreateReturn,
  type DidCommCredentialFormatProcessCredentialOptions,
  type DidCommCredentialFormatProcessOptions,
  type DidCommJsonLdCredentialFormat,
  type JsonLdFormatDataCredentialDetail,
} from '@credo-ts/didcomm'

import type { IssuerStanding } from '../../../shared/api'
import { CustosCredentialEventTypes, type CredentialStoredEvent } from './CredentialsEvents'
import { CredentialRefusal } from './CredentialRefusal'
import { refuseAndTell } from './refuseAndTell'
import { checkCredential, checkOfferDetail, issuerOf } from './credentialChecks'
import { attachedBytes, namingIssuer, withDefaults } from './jsonLdAttachments'
import { boundDocuments, DocumentsService, InboundDocuments, type BoundDocument } from './documents'
import { HolderDidService } from './HolderDidService'
import { setArrival, setSignatureCheck, setStanding, toHeldCredential } from './provenance'

/**
 * Credo's JSON-LD credential format (RFC 0593) with the node's checks where Credo processes offers and
 * credentials: a refusal happens before anything is saved, and Credo's dispatcher sends the issuer the
 * problem report. The holder names its own did:key as subject in the request.
 */
export class CustosJsonLdCredentialFormatService extends DidCommJsonLdCredentialFormatService {
  override async processOffer(
    agentContext: AgentContext,
    options: DidCommCredentialFormatProcessOptions,
  ): Promise<void> {
    await refuseAndTell(agentContext, options.credentialExchangeRecord, 'The offer was refused', async () => {
      await super.processOffer(agentContext, options)
      const detail = options.attachment.getDataAsJson<JsonLdFormatDataCredentialDetail>()
      checkOfferDetail(detail)
      await checkCredential(agentContext, detail.credential, options.credentialExchangeRecord.connectionId, 'offer')
    })
  }

  override async acceptOffer(
    agentContext: AgentContext,
    options: DidCommCredentialFormatAcceptOfferOptions<DidCommJsonLdCredentialFormat>,
  ): Promise<DidCommCredentialFormatCreateReturn> {
    const accepted = await super.acceptOffer(agentContext, options)
    const detail = accepted.attachment.getDataAsJson<JsonLdFormatDataCredentialDetail>()
    const holder = await agentContext.dependencyManager.resolve(HolderDidService).holderDid(agentContext)
    const subject = [detail.credential.credentialSubject].flat()[0]
    detail.credential.credentialSubject = { ...subject, id: holder }
    const attachment = new DidCommAttachment({
      id: accepted.attachment.id,
      mimeType: 'application/json',
      data: new DidCommAttachmentData({ base64: JsonEncoder.toBase64(detail) }),
    })
    return { format: accepted.format, attachment }
  }

  // The acknowledgement compares the credential with the request too: the same RFC 0593 default, or a
  // stock issuer that left proofPurpose out would never hear that its credential arrived.
  override async shouldAutoRespondToCredential(
    agentContext: AgentContext,
    options: Parameters<DidCommJsonLdCredentialFormatService['shouldAutoRespondToCredential']>[1],
  ): Promise<boolean> {
    return super.shouldAutoRespondToCredential(agentContext, {
      ...options,
      requestAttachment: withDefaults(options.requestAttachment),
    })
  }

  override async processCredential(
    agentContext: AgentContext,
    options: DidCommCredentialFormatProcessCredentialOptions,
  ): Promise<void> {
    const { credentialExchangeRecord: credentialRecord } = options
    const documents = agentContext.dependencyManager.resolve(DocumentsService)
    const arrived = agentContext.dependencyManager.resolve(InboundDocuments).take(credentialRecord.threadId)
    let bound: { document: BoundDocument; bytes?: Uint8Array }[] = []
    let standing: IssuerStanding | undefined
    await refuseAndTell(agentContext, credentialRecord, 'The credential was refused', async () => {
      const credential = options.attachment.getDataAsJson<Record<string, unknown>>()
      bound = boundDocuments(credential).map((document) => ({
        document,
        bytes: attachedBytes(arrived.find((attachment) => attachment.id === document.attachmentId)),
      }))
      standing = await checkCredential(agentContext, credential, credentialRecord.connectionId)
      // The documents the signed credential binds must have come with it, whole and within the limit.
      for (const { document, bytes } of bound) {
        if (!bytes) throw new CredentialRefusal(`Document ${document.attachmentId} did not come with the credential.`)
        documents.check(agentContext, document, bytes)
      }
      // Credo checks that it is what was requested and verifies the signature, then stores it.
      await namingIssuer(issuerOf(credential), () =>
        super.processCredential(agentContext, {
          ...options,
          requestAttachment: withDefaults(options.requestAttachment),
        }),
      )
    })
    const stored = credentialRecord.credentials.at(-1)
    if (!stored) return
    for (const { document, bytes } of bound) if (bytes) documents.save(agentContext, document, bytes)
    const repository = agentContext.dependencyManager.resolve(W3cCredentialRepository)
    const record = await repository.getById(agentContext, stored.credentialRecordId)
    const deliveredBy = credentialRecord.connectionId
      ? (
          await agentContext.dependencyManager
            .resolve(DidCommConnectionRepository)
            .findById(agentContext, credentialRecord.connectionId)
        )?.theirLabel
      : undefined
    setArrival(record, { connectionId: credentialRecord.connectionId, exchangeId: credentialRecord.id, deliveredBy })
    if (standing) setStanding(record, standing)
    setSignatureCheck(record, { result: 'valid', checkedAt: new Date().toISOString() })
    await repository.update(agentContext, record)
    agentContext.dependencyManager.resolve(EventEmitter).emit<CredentialStoredEvent>(agentContext, {
      type: CustosCredentialEventTypes.CredentialStored,
      payload: { exchangeId: credentialRecord.id, credential: toHeldCredential(record) },
    })
  }
}
