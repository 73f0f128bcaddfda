import type {
  DidCommConnectionRecord,
  DidCommMessageHandler,
  DidCommMessageHandlerInboundMessage,
} from '@credo-ts/didcomm'

import { HouseholdEndMessage } from './messages'

type Receive = (
  context: DidCommMessageHandlerInboundMessage<HouseholdEndHandler>,
  connection: DidCommConnectionRecord,
) => Promise<void>

/** The end of a membership, over a ready connection only: the connection is who ends it. */
export class HouseholdEndHandler implements DidCommMessageHandler {
  readonly supportedMessages = [HouseholdEndMessage]
  constructor(private readonly onMessage: Receive) {}

  async handle(context: DidCommMessageHandlerInboundMessage<HouseholdEndHandler>): Promise<undefined> {
    await this.onMessage(context, context.assertReadyConnection())
    return undefined
  }
}
