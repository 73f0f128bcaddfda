import type {
  DidCommConnectionRecord,
  DidCommMessageHandler,
  DidCommMessageHandlerInboundMessage,
} from '@credo-ts/didcomm'

import { DataNoticeMessage, DeletionRequestMessage } from './messages'

type Handle<M extends DataNoticeMessage | DeletionRequestMessage> = (
  message: M,
  connection: DidCommConnectionRecord,
  context: DidCommMessageHandlerInboundMessage<DidCommMessageHandler>,
) => Promise<void>

/** Notices arrive only over a ready connection: who sent one is the connection, never what it says. */
export class DataNoticeHandler implements DidCommMessageHandler {
  readonly supportedMessages = [DataNoticeMessage]
  constructor(private readonly onNotice: Handle<DataNoticeMessage>) {}

  async handle(context: DidCommMessageHandlerInboundMessage<DataNoticeHandler>): Promise<undefined> {
    const connection = context.assertReadyConnection()
    await this.onNotice(context.message, connection, context)
    return undefined
  }
}

/** The recipient's side: what a requester such as the demo lender registers to hear deletion requests. */
export class DeletionRequestHandler implements DidCommMessageHandler {
  readonly supportedMessages = [DeletionRequestMessage]
  constructor(private readonly onRequest: Handle<DeletionRequestMessage>) {}

  async handle(context: DidCommMessageHandlerInboundMessage<DeletionRequestHandler>): Promise<undefined> {
    const connection = context.assertReadyConnection()
    await this.onRequest(context.message, connection, context)
    return undefined
  }
}
