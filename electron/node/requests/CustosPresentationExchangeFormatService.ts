import { JsonEncoder, SdJwtVcRecord, type AgentContext } from '@credo-ts/core'
import {
  DidCommAttachment,
  DidCommAttachmentData,
  DidCommDifPresentationExchangeProofFormatService,
  DidCommProofFormatSpec,
  type DidCommDifPresentationExchangeProofFormat,
  type DifPresentationExchangeRequest,
  type DidCommProofFormatAcceptRequestOptions,
  type DidCommProofFormatCreateReturn,
  type DidCommProofFormatGetCredentialsForRequestOptions,
  type DidCommProofFormatSelectCredentialsForRequestOptions,
  type DidCommProofFormatProcessOptions,
  type DidCommProofFormatProcessPresentationOptions,
} from '@credo-ts/didcomm'

import { requestForAnswered } from './presentation/answeredOnly'
import { createMixedPresentation } from './presentation/createMixedPresentation'
import { isMixedPresentation } from './presentation/mixedPresentation'
import { verifyMixedPresentation } from './presentation/verifyMixedPresentation'
import { heldJsonLd, requestForTypes } from './presentation/schemaByType'
import { PresentationRefusal } from './PresentationRefusal'

const SUBMISSION_FORMAT = 'dif/presentation-exchange/submission@v1.0'

/**
 * Credo's DIF Presentation Exchange format with two additions. Malformed requests are answered by a
 * problem report (Credo's own validation error would only be logged). And answers may include SD-JWT
 * VCs, which Credo refuses in this format: they go in a mixed attachment (mixedPresentation.ts)
 * that both sides of this service create and verify; a JSON-LD-only answer stays Credo's own.
 */
export class CustosPresentationExchangeFormatService extends DidCommDifPresentationExchangeProofFormatService {
  override async processRequest(agentContext: AgentContext, options: DidCommProofFormatProcessOptions): Promise<void> {
    try {
      await super.processRequest(agentContext, options)
    } catch (error) {
      const detail = (error as { additionalMessages?: string[] }).additionalMessages?.join('; ')
      const reason = `The request cannot be read: ${(error as Error).message}${detail ? ` (${detail})` : ''}`
      throw new PresentationRefusal(reason.slice(0, 500))
    }
  }

  override async getCredentialsForRequest(
    agentContext: AgentContext,
    options: DidCommProofFormatGetCredentialsForRequestOptions<DidCommDifPresentationExchangeProofFormat>,
  ) {
    return super.getCredentialsForRequest(agentContext, await widenedForTypes(agentContext, options))
  }

  override async selectCredentialsForRequest(
    agentContext: AgentContext,
    options: DidCommProofFormatSelectCredentialsForRequestOptions<DidCommDifPresentationExchangeProofFormat>,
  ) {
    return super.selectCredentialsForRequest(agentContext, await widenedForTypes(agentContext, options))
  }

  override async acceptRequest(
    agentContext: AgentContext,
    given: DidCommProofFormatAcceptRequestOptions<DidCommDifPresentationExchangeProofFormat>,
  ): Promise<DidCommProofFormatCreateReturn> {
    // PEX evaluates the chosen credentials again as it builds the presentation: with the same widened request.
    const options = await widenedForTypes(agentContext, given)
    const selection = options.proofFormats?.presentationExchange?.credentials
    const hasSdJwt = Object.values(selection ?? {}).some((records) =>
      records.some((r) => r.credentialRecord instanceof SdJwtVcRecord),
    )
    if (!selection || !hasSdJwt) return super.acceptRequest(agentContext, options)
    const request = options.requestAttachment.getDataAsJson<DifPresentationExchangeRequest>()
    const challenge = request.options?.challenge
    if (!challenge) throw new PresentationRefusal('The request has no challenge to bind the presentation to.')
    const presentation = await createMixedPresentation(agentContext, {
      definition: request.presentation_definition,
      selection,
      challenge,
      domain: request.options?.domain,
    })
    const format = new DidCommProofFormatSpec({ format: SUBMISSION_FORMAT, attachmentId: options.attachmentId })
    const attachment = new DidCommAttachment({
      id: format.attachmentId,
      mimeType: 'application/json',
      data: new DidCommAttachmentData({ base64: JsonEncoder.toBase64(presentation) }),
    })
    return { format, attachment }
  }

  override async processPresentation(
    agentContext: AgentContext,
    options: DidCommProofFormatProcessPresentationOptions,
  ): Promise<boolean> {
    const presentation = options.attachment.getDataAsJson<unknown>()
    if (!isMixedPresentation(presentation)) {
      const answered = requestForAnswered(options.requestAttachment, presentation) ?? options.requestAttachment
      const requestAttachment = await requestForTypes(agentContext, answered, presentedCredentials(presentation))
      return super.processPresentation(agentContext, { ...options, requestAttachment })
    }
    const request = options.requestAttachment.getDataAsJson<DifPresentationExchangeRequest>()
    try {
      await verifyMixedPresentation(agentContext, presentation, {
        definition: request.presentation_definition,
        challenge: request.options?.challenge ?? '',
        domain: request.options?.domain,
      })
      return true
    } catch (error) {
      agentContext.config.logger.error(`The presentation does not verify: ${(error as Error).message}`)
      return false
    }
  }
}

// A verifier matches the request's type IRIs against the credentials it was shown, as a holder does against its own.
function presentedCredentials(presentation: unknown): { '@context'?: unknown; type?: unknown }[] {
  const credentials = (presentation as { verifiableCredential?: unknown } | null)?.verifiableCredential
  return [credentials ?? []].flat().filter((c): c is Record<string, unknown> => !!c && typeof c === 'object')
}

/** The options with their request widened by the short types of the full type IRIs it names (schemaByType). */
async function widenedForTypes<O extends { requestAttachment: DidCommAttachment }>(
  agentContext: AgentContext,
  options: O,
): Promise<O> {
  const requestAttachment = await requestForTypes(
    agentContext,
    options.requestAttachment,
    await heldJsonLd(agentContext),
  )
  return { ...options, requestAttachment }
}
