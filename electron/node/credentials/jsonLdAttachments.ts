import { JsonEncoder } from '@credo-ts/core'
import { DidCommAttachment, DidCommAttachmentData, type JsonLdFormatDataCredentialDetail } from '@credo-ts/didcomm'

import { DEFAULT_PROOF_PURPOSE } from './credentialChecks'

/**
 * The request as RFC 0593 reads it: an issuer signs with assertionMethod when the detail names no purpose
 * (Credo and ACA-Py alike), but Credo's holder compares the proof's purpose with the request's literally,
 * so a request that left it out would refuse every such credential. What was sent to the issuer stays as sent.
 */
export function withDefaults(request: DidCommAttachment): DidCommAttachment {
  const detail = request.getDataAsJson<JsonLdFormatDataCredentialDetail>()
  if (detail.options.proofPurpose !== undefined) return request
  const options = { ...detail.options, proofPurpose: DEFAULT_PROOF_PURPOSE }
  return new DidCommAttachment({
    id: request.id,
    mimeType: 'application/json',
    data: new DidCommAttachmentData({ base64: JsonEncoder.toBase64({ ...detail, options }) }),
  })
}

// Documents travel inline (base64); a link would make the node fetch from the issuer's side later.
export function attachedBytes(attachment: DidCommAttachment | undefined): Uint8Array | undefined {
  const base64 = attachment?.data.base64
  return typeof base64 === 'string' ? Buffer.from(base64, 'base64') : undefined
}

/** Credo's verification failure, told as the issuer's signature that does not hold (nothing is stored then). */
export async function namingIssuer(issuer: string | undefined, task: () => Promise<void>): Promise<void> {
  try {
    await task()
  } catch (error) {
    const message = (error as Error).message
    if (!message.startsWith('Failed to validate credential')) throw error
    // A plain error: refuseAndTell makes it a refusal that begins with what was refused.
    throw new Error(`The signature of ${issuer ?? 'the issuer'} does not hold: ${message}`, { cause: error })
  }
}
