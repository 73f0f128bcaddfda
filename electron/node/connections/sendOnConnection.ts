import { type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionService,
  DidCommMessageSender,
  DidCommOutboundMessageContext,
  type DidCommMessage,
} from '@credo-ts/didcomm'

/** Sends a message of one of Custos's own protocols over a connection, the way Credo sends its own. */
export async function sendOnConnection(
  agentContext: AgentContext,
  connectionId: string,
  message: DidCommMessage,
): Promise<void> {
  const connection = await agentContext.dependencyManager
    .resolve(DidCommConnectionService)
    .getById(agentContext, connectionId)
  await agentContext.dependencyManager
    .resolve(DidCommMessageSender)
    .sendMessage(new DidCommOutboundMessageContext(message, { agentContext, connection }))
}
