import {
  Attachment,
  AttachmentData,
  CredentialFormatSpec,
  JsonEncoder,
  utils,
  type CredentialFormatCreateReturn,
} from '@credo-ts/core'

/** One format's attachment of an issue-credential v2 message: JSON, base64 encoded, under a fresh id. */
export function attach(format: string, data: unknown): CredentialFormatCreateReturn {
  const id = utils.uuid()
  return {
    format: new CredentialFormatSpec({ attachmentId: id, format }),
    attachment: new Attachment({
      id,
      mimeType: 'application/json',
      data: new AttachmentData({ base64: JsonEncoder.toBase64(data) }),
    }),
  }
}
