export {
  ConnectionsService,
  NodeLabel,
  nodeEndpoints,
  nodeLabel,
  type CreateInvitationOptions,
} from './ConnectionsService'
export { ROLE_TAG, roleOf, toConnectionSummary } from './connectionRole'
export { CustosConnectionsApi } from './CustosConnectionsApi'
export { CustosConnectionsModule, connectionsDidComm, connectionsModules } from './CustosConnectionsModule'
export { DEEP_LINK_BASE, parseInvitationUrl } from './invitationUrl'
export { sendOnConnection } from './sendOnConnection'
