import { DidCommOutOfBandInvitation } from '@credo-ts/didcomm'

/**
 * The invitation as it is handed out: with only its first service. Credo puts one inline service per
 * endpoint into an invitation (http and ws for a node with both). RFC 0434 allows several services, but
 * agents that accept exactly one (ACA-Py-like, issue 10) refuse such an invitation, so links carry one:
 * the node's preferred endpoint (its first advertised scheme), or its mediator's.
 *
 * Only the link is cut. The stored record keeps every service: Credo builds the DID document of its DID
 * exchange response from a one-time invitation's inline services, and that document must still list
 * every endpoint (the WebSocket among them) for the other side to use later. Every service has the same
 * recipient key, so a request that came through the one service matches the record as before.
 */
export function withFirstServiceOnly(invitation: DidCommOutOfBandInvitation): DidCommOutOfBandInvitation {
  const json = invitation.toJSON()
  const services = Array.isArray(json.services) ? json.services.slice(0, 1) : []
  return DidCommOutOfBandInvitation.fromJson({ ...json, services })
}
