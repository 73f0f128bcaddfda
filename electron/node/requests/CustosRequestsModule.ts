import { DifPresentationExchangeService, type DependencyManager } from '@credo-ts/core'
import { DidCommAutoAcceptProof, type DidCommModuleConfigOptions } from '@credo-ts/didcomm'

import { requestsContract } from '../../../shared/api'
import type { ContractModule } from '../kernel'
import { CustosPresentationExchangeFormatService } from './CustosPresentationExchangeFormatService'
import { CustosRequestsApi } from './CustosRequestsApi'
import { CustosDifPresentationExchangeService } from './presentation/CustosDifPresentationExchangeService'
import { CustosV2ProofProtocol } from './CustosV2ProofProtocol'
import { RequestsService } from './RequestsService'

/** Proof requests as the person answers them, on top of Credo's present-proof v2. */
export class CustosRequestsModule implements ContractModule<typeof requestsContract> {
  readonly api = CustosRequestsApi
  readonly contract = requestsContract

  register(dependencyManager: DependencyManager): void {
    dependencyManager.registerSingleton(RequestsService)
    // After Credo's default modules registered its own: the last registration is the one resolved.
    dependencyManager.registerSingleton(DifPresentationExchangeService, CustosDifPresentationExchangeService)
  }
}

/** Credo's present-proof v2 with our format service (a part of DidCommModule's options). */
export function requestsDidComm() {
  return {
    // Nothing leaves without the person's (or a consent policy's) answer.
    proofs: {
      autoAcceptProofs: DidCommAutoAcceptProof.Never,
      proofProtocols: [new CustosV2ProofProtocol({ proofFormats: [new CustosPresentationExchangeFormatService()] })],
    },
  } satisfies DidCommModuleConfigOptions
}

/** Proof requests as the person answers them. */
export function requestsModules() {
  return { custosRequests: new CustosRequestsModule() }
}
