import { type AgentContext } from '@credo-ts/core'
import {
  DidCommProofsApi,
  type DidCommDifPresentationExchangeProofFormatService,
  type DifPresentationExchangeRequest,
  type DidCommProofV2Protocol,
} from '@credo-ts/didcomm'

/** Credo's proofs Api as the node configures it: present-proof v2 with DIF Presentation Exchange only. */
export type NodeProofsApi = DidCommProofsApi<
  [DidCommProofV2Protocol<[DidCommDifPresentationExchangeProofFormatService]>]
>

// Credo's Apis are scoped to the context they were resolved from, so they are looked up per call.
export function proofsOf(agentContext: AgentContext): NodeProofsApi {
  return agentContext.dependencyManager.resolve(DidCommProofsApi) as NodeProofsApi
}

const PE_DEFINITION = 'dif/presentation-exchange/definitions@v1.0'

type RequestMessage = NonNullable<Awaited<ReturnType<NodeProofsApi['findRequestMessage']>>>

/** The request message of a proof exchange, which holds the definition and the requester's comment. */
export async function requestMessageOf(agentContext: AgentContext, id: string): Promise<RequestMessage> {
  const message = await proofsOf(agentContext).findRequestMessage(id)
  if (!message) throw new Error(`Proof exchange ${id} has no request message.`)
  return message
}

// Read from the request message alone: Credo's getFormatData reads every message of the exchange, and
// this is read several times for each request a policy answers (the auto-answer bench's first profile).
export function presentationExchangeOf(message: RequestMessage, id: string): DifPresentationExchangeRequest {
  const format = message.formats.find((spec) => spec.format === PE_DEFINITION)
  const attachment = format && message.getRequestAttachmentById(format.attachmentId)
  if (!attachment) throw new Error(`Proof exchange ${id} has no presentation exchange request.`)
  return attachment.getDataAsJson<DifPresentationExchangeRequest>()
}

export async function requestOf(agentContext: AgentContext, id: string): Promise<DifPresentationExchangeRequest> {
  return presentationExchangeOf(await requestMessageOf(agentContext, id), id)
}
