import type {
  DidCommConnectionRecord,
  DidCommMessage,
  DidCommMessageHandler,
  DidCommMessageHandlerInboundMessage,
} from '@credo-ts/didcomm'

import { mandateMessages } from './messages'

type Receive = (
  message: DidCommMessage,
  connection: DidCommConnectionRecord,
  context: DidCommMessageHandlerInboundMessage<MandateHandler>,
) => Promise<void>

/** Every mandate message, over a ready connection only: who speaks is the connection, never the body. */
export class MandateHandler implements DidCommMessageHandler {
  readonly supportedMessages = mandateMessages
  constructor(private readonly onMessage: Receive) {}

  async handle(context: DidCommMessageHandlerInboundMessage<MandateHandler>): Promise<undefined> {
    await this.onMessage(context.message, context.assertReadyConnection(), context)
    return undefined
  }
}
