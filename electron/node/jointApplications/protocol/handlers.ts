import type { AgentContext } from '@credo-ts/core'
import type {
  DidCommConnectionRecord,
  DidCommMessage,
  DidCommMessageHandler,
  DidCommMessageHandlerInboundMessage,
} from '@credo-ts/didcomm'

import { JointInvitationMessage, JointProposalMessage, JointResponseMessage } from './messages'

type Handle<M extends DidCommMessage> = (
  agentContext: AgentContext,
  message: M,
  connection: DidCommConnectionRecord,
) => Promise<void>

/** Each message arrives over a ready connection only: who speaks is the connection, never what it says. */
export class JointProposalHandler implements DidCommMessageHandler {
  readonly supportedMessages = [JointProposalMessage]
  constructor(private readonly onMessage: Handle<JointProposalMessage>) {}
  async handle(context: DidCommMessageHandlerInboundMessage<JointProposalHandler>): Promise<undefined> {
    await this.onMessage(context.agentContext, context.message, context.assertReadyConnection())
    return undefined
  }
}

export class JointResponseHandler implements DidCommMessageHandler {
  readonly supportedMessages = [JointResponseMessage]
  constructor(private readonly onMessage: Handle<JointResponseMessage>) {}
  async handle(context: DidCommMessageHandlerInboundMessage<JointResponseHandler>): Promise<undefined> {
    await this.onMessage(context.agentContext, context.message, context.assertReadyConnection())
    return undefined
  }
}

export class JointInvitationHandler implements DidCommMessageHandler {
  readonly supportedMessages = [JointInvitationMessage]
  constructor(private readonly onMessage: Handle<JointInvitationMessage>) {}
  async handle(context: DidCommMessageHandlerInboundMessage<JointInvitationHandler>): Promise<undefined> {
    await this.onMessage(context.agentContext, context.message, context.assertReadyConnection())
    return undefined
  }
}
