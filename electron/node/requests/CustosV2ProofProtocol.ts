import { JsonTransformer, W3cCredentialRecord, type AgentContext } from '@credo-ts/core'
import {
  DidCommAttachment,
  DidCommAttachmentData,
  DidCommProofV2Protocol,
  type DidCommProofFormatService,
  type ProofProtocolOptions,
} from '@credo-ts/didcomm'

import { boundDocuments, DocumentsService } from '../credentials'

type AcceptRequestOptions<PFs extends DidCommProofFormatService[]> = ProofProtocolOptions.AcceptProofRequestOptions<PFs>

/**
 * Present-proof v2 where the documents that presented credentials bind (statement PDFs) go with the
 * presentation as DIDComm attachments (`~attach`), under the attachment id their credential names. Each
 * is read and checked against its signed digest before anything is sent; a mismatch sends nothing.
 * They are added after Credo kept its copy of the message, so the protocol record holds no second copy.
 */
export class CustosV2ProofProtocol<
  PFs extends DidCommProofFormatService[] = DidCommProofFormatService[],
> extends DidCommProofV2Protocol<PFs> {
  override async acceptRequest(agentContext: AgentContext, options: AcceptRequestOptions<PFs>) {
    const attachments = documentsToSend(agentContext, options.proofFormats)
    const result = await super.acceptRequest(agentContext, options)
    for (const attachment of attachments) result.message.addAppendedAttachment(attachment)
    return result
  }
}

function documentsToSend(agentContext: AgentContext, proofFormats: unknown): DidCommAttachment[] {
  const selected = (proofFormats as { presentationExchange?: { credentials?: Record<string, unknown[]> } } | undefined)
    ?.presentationExchange?.credentials
  // Credo 0.6 takes submission entries ({ claimFormat, credentialRecord }), not the records themselves.
  const records = Object.values(selected ?? {})
    .flat()
    .map((entry) => (entry as { credentialRecord?: unknown } | undefined)?.credentialRecord)
    .filter((record): record is W3cCredentialRecord => record instanceof W3cCredentialRecord)
  const service = agentContext.dependencyManager.resolve(DocumentsService)
  const seen = new Set<string>()
  const attachments: DidCommAttachment[] = []
  for (const record of records) {
    for (const bound of boundDocuments(JsonTransformer.toJSON(record.firstCredential))) {
      if (seen.has(bound.attachmentId)) continue
      seen.add(bound.attachmentId)
      const document = service.load(agentContext, bound.digestSRI)
      attachments.push(
        new DidCommAttachment({
          id: bound.attachmentId,
          mimeType: document.mediaType,
          filename: document.name,
          byteCount: document.size,
          data: new DidCommAttachmentData({ base64: document.base64 }),
        }),
      )
    }
  }
  return attachments
}
