export { ConnectionsService, type CreateInvitationOptions } from './ConnectionsService'
export { ROLE_TAG, roleOf, toConnectionSummary } from './connectionRole'
export { DEEP_LINK_BASE, parseInvitationUrl } from './invitationUrl'
export { withPeerErrors } from './peerErrors'
