import { PeerDidNumAlgo, type DependencyManager } from '@credo-ts/core'
import type { DidCommModuleConfigOptions } from '@credo-ts/didcomm'
import { DidCommMessageHandlerRegistry } from '@credo-ts/didcomm'

import { connectionsContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { ConnectionsService, NodeLabel } from './ConnectionsService'
import { CustosConnectionsApi } from './CustosConnectionsApi'
import { responseCarriesParentThread } from './responseParentThread'

/**
 * Connections as the person manages them, on top of Credo's DID exchange. Registered under its own
 * key: Credo's DidCommConnectionsModule keeps the `connections` key, which Credo fills with a default otherwise.
 */
export class CustosConnectionsModule implements ContractModule<typeof connectionsContract> {
  readonly api = CustosConnectionsApi
  readonly contract = connectionsContract

  constructor(private readonly label: string) {}

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerInstance(NodeLabel, new NodeLabel(this.label))
    dependencyManager.registerSingleton(ConnectionsService)
    dependencyManager
      .resolve(DidCommMessageHandlerRegistry)
      .registerMessageHandlerMiddleware(responseCarriesParentThread)
  }
}

/** Credo's DID exchange, configured the way every Custos node uses it (a part of DidCommModule's options). */
export function connectionsDidComm() {
  return {
    // did:peer:4 (short and long form): a self-certifying DID whose long form carries the document, so
    // the other side needs no resolver round trip. Without auto-accept a DID exchange waits forever.
    connections: {
      autoAcceptConnections: true,
      peerNumAlgoForDidExchangeRequests: PeerDidNumAlgo.ShortFormAndLongForm,
    },
  } satisfies DidCommModuleConfigOptions
}

/** Ours beside Credo's DID exchange; `label` is the name other agents see in this node's invitations. */
export function connectionsModules(label: string) {
  return { custosConnections: new CustosConnectionsModule(label) }
}
