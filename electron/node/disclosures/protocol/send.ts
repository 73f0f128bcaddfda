import {
  ConnectionService,
  MessageSender,
  OutboundMessageContext,
  type AgentContext,
  type AgentMessage,
} from '@credo-ts/core'

/** Sends a message of the data-notices protocol over a connection, the way Credo sends its own. */
export async function sendOnConnection(
  agentContext: AgentContext,
  connectionId: string,
  message: AgentMessage,
): Promise<void> {
  const connection = await agentContext.dependencyManager.resolve(ConnectionService).getById(agentContext, connectionId)
  await agentContext.dependencyManager
    .resolve(MessageSender)
    .sendMessage(new OutboundMessageContext(message, { agentContext, connection }))
}
