import { type Agent, type AgentContext } from '@credo-ts/core'
import {
  DidCommAttachment,
  DidCommAttachmentData,
  DidCommCredentialsModuleConfig,
  DidCommCredentialV2Protocol,
  type DidCommCredentialFormatService,
  type CredentialProtocolOptions,
} from '@credo-ts/didcomm'

export interface IssuedDocument {
  /** The attachment id the credential names in `credentialSubject.document.attachmentId`. */
  attachmentId: string
  mediaType: string
  name: string
  bytes: Uint8Array
}

type AcceptRequestOptions<CFs extends DidCommCredentialFormatService[]> =
  CredentialProtocolOptions.AcceptCredentialRequestOptions<CFs>

/**
 * Issue-credential v2 for an issuer whose credentials bind documents: the issue message carries each
 * document inline as a DIDComm attachment (`~attach`), next to the credential that signs its digest.
 */
export class DocumentAttachingCredentialProtocol<
  CFs extends DidCommCredentialFormatService[] = DidCommCredentialFormatService[],
> extends DidCommCredentialV2Protocol<CFs> {
  private readonly pending = new Map<string, IssuedDocument[]>()

  /** The instance an agent was configured with. */
  static of(agent: Agent): DocumentAttachingCredentialProtocol {
    const config = agent.dependencyManager.resolve(DidCommCredentialsModuleConfig)
    const protocol = config.credentialProtocols.find((p) => p instanceof DocumentAttachingCredentialProtocol)
    if (!protocol) throw new Error('this agent cannot attach documents')
    return protocol
  }

  /** The documents to send with the credential of exchange `exchangeId`, once the holder requests it. */
  attachTo(exchangeId: string, documents: IssuedDocument[]): void {
    this.pending.set(exchangeId, documents)
  }

  override async acceptRequest(agentContext: AgentContext, options: AcceptRequestOptions<CFs>) {
    const result = await super.acceptRequest(agentContext, options)
    for (const document of this.pending.get(options.credentialExchangeRecord.id) ?? []) {
      result.message.addAppendedAttachment(
        new DidCommAttachment({
          id: document.attachmentId,
          mimeType: document.mediaType,
          filename: document.name,
          byteCount: document.bytes.byteLength,
          data: new DidCommAttachmentData({ base64: Buffer.from(document.bytes).toString('base64') }),
        }),
      )
    }
    this.pending.delete(options.credentialExchangeRecord.id)
    return result
  }
}
