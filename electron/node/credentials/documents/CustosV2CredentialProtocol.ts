import {
  DidCommCredentialV2Protocol,
  type DidCommCredentialFormatService,
  type DidCommInboundMessageContext,
  type DidCommIssueCredentialV2Message,
} from '@credo-ts/didcomm'

import { InboundDocuments } from './InboundDocuments'

/**
 * Issue-credential v2 where an issue message may carry the documents its credentials bind (statement
 * PDFs) as DIDComm attachments (`~attach`). Credo's format services never see those, so they are handed
 * over here; and they are taken off the message before Credo keeps it, so a document is stored once,
 * in the documents table, and not again inside the protocol's message record.
 */
export class CustosV2CredentialProtocol<
  CFs extends DidCommCredentialFormatService[] = DidCommCredentialFormatService[],
> extends DidCommCredentialV2Protocol<CFs> {
  override async processCredential(messageContext: DidCommInboundMessageContext<DidCommIssueCredentialV2Message>) {
    const { message, agentContext } = messageContext
    const held = agentContext.dependencyManager.resolve(InboundDocuments)
    held.hold(message.threadId, message.appendedAttachments ?? [])
    message.appendedAttachments = undefined
    try {
      return await super.processCredential(messageContext)
    } finally {
      held.release(message.threadId)
    }
  }
}
