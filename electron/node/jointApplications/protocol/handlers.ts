import type { AgentContext } from '@credo-ts/core'
import type {
  DidCommConnectionRecord,
  DidCommInboundMessageContext,
  DidCommMessage,
  DidCommMessageHandler,
} from '@credo-ts/didcomm'

type Handle<M extends DidCommMessage> = (
  agentContext: AgentContext,
  message: M,
  connection: DidCommConnectionRecord,
) => Promise<void>

/**
 * One message of the protocol, handed to `onMessage` over a ready connection only: who speaks is the
 * connection, never what it says. One class for the proposal, the response and the invitation alike.
 */
export class JointMessageHandler<M extends DidCommMessage> implements DidCommMessageHandler {
  readonly supportedMessages: DidCommMessageHandler['supportedMessages']

  constructor(
    message: DidCommMessageHandler['supportedMessages'][number] & (new (...args: never[]) => M),
    private readonly onMessage: Handle<M>,
  ) {
    this.supportedMessages = [message]
  }

  async handle(context: DidCommInboundMessageContext<DidCommMessage>): Promise<undefined> {
    await this.onMessage(context.agentContext, context.message as M, context.assertReadyConnection())
    return undefined
  }
}
