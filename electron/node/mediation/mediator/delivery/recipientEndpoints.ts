import { DidResolverService, type AgentContext } from '@credo-ts/core'
import { DidCommConnectionService, DidCommTransportService, type DidCommTransportSession } from '@credo-ts/didcomm'

/**
 * A WebSocket the recipient opened to us with return_route set (implicit delivery, RFC 0092): Credo only
 * answers on it, and does not push what was queued while it was away, so direct delivery uses it first.
 */
export function returnRouteSocket(
  agentContext: AgentContext,
  connectionId: string,
): DidCommTransportSession | undefined {
  const session = agentContext.dependencyManager
    .resolve(DidCommTransportService)
    .findSessionByConnectionId(connectionId)
  return session?.type === 'WebSocket' && session.inboundMessage?.hasReturnRouting() ? session : undefined
}

/**
 * The recipient's own DIDComm endpoints from its DID document for our connection, HTTP first (its status
 * says whether the message arrived; a WebSocket send cannot). Left out: Credo's `didcomm:transport/queue`
 * (a recipient without an endpoint) and services behind routing keys (its mediator, not itself).
 */
export async function recipientEndpoints(agentContext: AgentContext, connectionId: string): Promise<string[]> {
  const connection = await agentContext.dependencyManager
    .resolve(DidCommConnectionService)
    .findById(agentContext, connectionId)
  if (!connection?.theirDid) return []
  const document = await agentContext.dependencyManager
    .resolve(DidResolverService)
    .resolveDidDocument(agentContext, connection.theirDid)
  const endpoints = document.didCommServices
    .filter((service) => (service.routingKeys ?? []).length === 0)
    .map((service) => service.serviceEndpoint)
    .filter((endpoint) => /^(https?|wss?):/i.test(endpoint))
  return [
    ...endpoints.filter((endpoint) => /^https?:/i.test(endpoint)),
    ...endpoints.filter((endpoint) => /^wss?:/i.test(endpoint)),
  ]
}
