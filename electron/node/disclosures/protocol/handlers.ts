import type { ConnectionRecord, MessageHandler, MessageHandlerInboundMessage } from '@credo-ts/core'

import { DataNoticeMessage, DeletionRequestMessage } from './messages'

type Handle<M extends DataNoticeMessage | DeletionRequestMessage> = (
  message: M,
  connection: ConnectionRecord,
  context: MessageHandlerInboundMessage<MessageHandler>,
) => Promise<void>

/** Notices arrive only over a ready connection: who sent one is the connection, never what it says. */
export class DataNoticeHandler implements MessageHandler {
  readonly supportedMessages = [DataNoticeMessage]
  constructor(private readonly onNotice: Handle<DataNoticeMessage>) {}

  async handle(context: MessageHandlerInboundMessage<DataNoticeHandler>): Promise<undefined> {
    const connection = context.assertReadyConnection()
    await this.onNotice(context.message, connection, context)
    return undefined
  }
}

/** The recipient's side: what a requester such as the demo lender registers to hear deletion requests. */
export class DeletionRequestHandler implements MessageHandler {
  readonly supportedMessages = [DeletionRequestMessage]
  constructor(private readonly onRequest: Handle<DeletionRequestMessage>) {}

  async handle(context: MessageHandlerInboundMessage<DeletionRequestHandler>): Promise<undefined> {
    const connection = context.assertReadyConnection()
    await this.onRequest(context.message, connection, context)
    return undefined
  }
}
