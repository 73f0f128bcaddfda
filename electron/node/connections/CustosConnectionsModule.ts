import { ConnectionsModule, PeerDidNumAlgo, type DependencyManager } from '@credo-ts/core'

import { connectionsContract } from '../../../shared/api'
import type { ContractModule } from '../api'
import { ConnectionsService } from './ConnectionsService'
import { CustosConnectionsApi } from './CustosConnectionsApi'
import { responseCarriesParentThread } from './responseParentThread'

/**
 * Connections as the person manages them, on top of Credo's DID exchange. Registered under its own
 * key: Credo's ConnectionsModule keeps the `connections` key, which Credo fills with a default otherwise.
 */
export class CustosConnectionsModule implements ContractModule<typeof connectionsContract> {
  readonly api = CustosConnectionsApi
  readonly contract = connectionsContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(ConnectionsService)
    dependencyManager.registerMessageHandlerMiddleware(responseCarriesParentThread)
  }
}

/** Credo's DID exchange, configured the way every Custos node uses it, and ours beside it. */
export function connectionsModules() {
  return {
    // did:peer:4 (short and long form): a self-certifying DID whose long form carries the document, so
    // the other side needs no resolver round trip; Credo's default, numalgo 1, is deprecated.
    connections: new ConnectionsModule({
      autoAcceptConnections: true,
      peerNumAlgoForDidExchangeRequests: PeerDidNumAlgo.ShortFormAndLongForm,
    }),
    custosConnections: new CustosConnectionsModule(),
  }
}
