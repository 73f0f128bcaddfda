import { DidResolverService, type AgentContext } from '@credo-ts/core'
import {
  DidCommConnectionService,
  DidCommDiscoverFeaturesApi,
  DidCommMediatorPickupStrategy,
  type DidCommMediationRecord,
} from '@credo-ts/didcomm'

const PICKUP_FAMILY = 'https://didcomm.org/messagepickup/*'
const offers = (ids: string[], version: 1 | 2) =>
  ids.some((id) => new RegExp(`messagepickup/${version}\\.\\d+$`).test(id))

/**
 * How to get our messages from this mediator, in order of preference: pickup v2 in live mode (RFC 0685,
 * needs a WebSocket), pickup v1 batches (RFC 0212), or implicit delivery (RFC 0092 return route on a
 * WebSocket we keep open). Asked with discover features (RFC 0031) rather than assumed: a mediator that
 * supports neither pickup answers pickup messages with a problem report, and a node without an endpoint
 * would then receive nothing. Credo's own discovery (used when no strategy is configured) stops at v2
 * polling and never asks for live mode.
 */
export async function choosePickup(agentContext: AgentContext, mediation: DidCommMediationRecord) {
  const webSocket = await offersWebSocket(agentContext, mediation.connectionId)
  let disclosed: string[]
  try {
    const { features } = await agentContext.dependencyManager.resolve(DidCommDiscoverFeaturesApi).queryFeatures({
      connectionId: mediation.connectionId,
      protocolVersion: 'v1',
      queries: [{ featureType: 'protocol', match: PICKUP_FAMILY }],
      awaitDisclosures: true,
      awaitDisclosuresTimeoutMs: 7_000,
    })
    disclosed = (features ?? []).map((feature) => feature.id)
  } catch (error) {
    // No answer (discover features unsupported, or it timed out): what Custos mediators offer, as before.
    agentContext.config.logger.warn('the mediator did not disclose its features; trying pickup v2', { error })
    return webSocket ? DidCommMediatorPickupStrategy.PickUpV2LiveMode : DidCommMediatorPickupStrategy.PickUpV2
  }
  if (offers(disclosed, 2))
    return webSocket ? DidCommMediatorPickupStrategy.PickUpV2LiveMode : DidCommMediatorPickupStrategy.PickUpV2
  if (offers(disclosed, 1)) return DidCommMediatorPickupStrategy.PickUpV1
  // Implicit delivery needs a socket the mediator can answer on later; over HTTP alone nothing can come.
  return webSocket ? DidCommMediatorPickupStrategy.Implicit : DidCommMediatorPickupStrategy.None
}

async function offersWebSocket(agentContext: AgentContext, connectionId: string): Promise<boolean> {
  const connection = await agentContext.dependencyManager
    .resolve(DidCommConnectionService)
    .getById(agentContext, connectionId)
  if (!connection.theirDid) return false
  const document = await agentContext.dependencyManager
    .resolve(DidResolverService)
    .resolveDidDocument(agentContext, connection.theirDid)
  return document.didCommServices.some((service) => /^wss?:/i.test(service.serviceEndpoint))
}
