import { AutoAcceptProof, ProofsModule, type DependencyManager } from '@credo-ts/core'

import { requestsContract } from '../../../shared/api'
import type { ContractModule } from '../api'
import { CustosPresentationExchangeFormatService } from './CustosPresentationExchangeFormatService'
import { CustosRequestsApi } from './CustosRequestsApi'
import { CustosV2ProofProtocol } from './CustosV2ProofProtocol'
import { RequestsService } from './RequestsService'

/** Proof requests as the person answers them, on top of Credo's present-proof v2. */
export class CustosRequestsModule implements ContractModule<typeof requestsContract> {
  readonly api = CustosRequestsApi
  readonly contract = requestsContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(RequestsService)
  }
}

export function requestsModules() {
  return {
    // Nothing leaves without the person's (or later a consent policy's) answer.
    proofs: new ProofsModule({
      autoAcceptProofs: AutoAcceptProof.Never,
      proofProtocols: [new CustosV2ProofProtocol({ proofFormats: [new CustosPresentationExchangeFormatService()] })],
    }),
    custosRequests: new CustosRequestsModule(),
  }
}
