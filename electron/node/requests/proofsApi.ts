import {
  ProofsApi,
  type AgentContext,
  type DifPresentationExchangeProofFormatService,
  type DifPresentationExchangeRequest,
  type V2ProofProtocol,
} from '@credo-ts/core'

/** Credo's proofs Api as the node configures it: present-proof v2 with DIF Presentation Exchange only. */
export type NodeProofsApi = ProofsApi<[V2ProofProtocol<[DifPresentationExchangeProofFormatService]>]>

// Credo's Apis are scoped to the context they were resolved from, so they are looked up per call.
export function proofsOf(agentContext: AgentContext): NodeProofsApi {
  return agentContext.dependencyManager.resolve(ProofsApi) as NodeProofsApi
}

export async function requestOf(agentContext: AgentContext, id: string): Promise<DifPresentationExchangeRequest> {
  const data = await proofsOf(agentContext).getFormatData(id)
  const request = data.request?.presentationExchange
  if (!request) throw new Error(`Proof exchange ${id} has no presentation exchange request.`)
  return request
}
