import { JsonEncoder } from '@credo-ts/core'
import { DidCommAttachment, DidCommAttachmentData, type DifPresentationExchangeRequest } from '@credo-ts/didcomm'

import { onlyDescriptors } from './mixedPresentation'

/**
 * The request narrowed to the input descriptors a JSON-LD answer submitted. A person may approve a subset
 * (requests/subset.ts); Credo 0.6's verifier refuses any answer that leaves out a required descriptor
 * (0.5 judged only what came), so the verifier checks what came against the request for just those and
 * judges the rest itself, as before. Undefined when the answer covers the whole request or is not JSON-LD.
 */
export function requestForAnswered(
  requestAttachment: DidCommAttachment,
  presentation: unknown,
): DidCommAttachment | undefined {
  const submission = (presentation as { presentation_submission?: { descriptor_map?: Array<{ id?: unknown }> } })
    ?.presentation_submission
  const answered = new Set((submission?.descriptor_map ?? []).map((entry) => entry.id).filter(isString))
  const request = requestAttachment.getDataAsJson<DifPresentationExchangeRequest>()
  const all = request.presentation_definition.input_descriptors.map((descriptor) => descriptor.id)
  if (answered.size === 0 || all.every((id) => answered.has(id))) return undefined
  const narrowed = {
    ...request,
    presentation_definition: onlyDescriptors(request.presentation_definition, [...answered]),
  }
  return new DidCommAttachment({
    id: requestAttachment.id,
    mimeType: requestAttachment.mimeType,
    data: new DidCommAttachmentData({ base64: JsonEncoder.toBase64(narrowed) }),
  })
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}
