import { JsonEncoder, utils } from '@credo-ts/core'
import {
  DidCommAttachment,
  DidCommAttachmentData,
  DidCommCredentialFormatSpec,
  type DidCommCredentialFormatCreateReturn,
} from '@credo-ts/didcomm'

/** One format's attachment of an issue-credential v2 message: JSON, base64 encoded, under a fresh id. */
export function attach(format: string, data: unknown): DidCommCredentialFormatCreateReturn {
  const id = utils.uuid()
  return {
    format: new DidCommCredentialFormatSpec({ attachmentId: id, format }),
    attachment: new DidCommAttachment({
      id,
      mimeType: 'application/json',
      data: new DidCommAttachmentData({ base64: JsonEncoder.toBase64(data) }),
    }),
  }
}
