import { DidCommMessage, IsValidMessageType, parseMessageType } from '@credo-ts/didcomm'
import { z } from 'zod'

/**
 * Custos data notices 1.0 (docs/data-notices.md): after a disclosure, the holder may ask the recipient
 * to delete what it received, and the recipient tells the holder what it did with it. Each message
 * names the disclosure by the present-proof thread it was sent on (`~thread.pthid`).
 */
export const DATA_NOTICES_PROTOCOL = 'https://custos.example/data-notices/1.0'

const DELETION_REQUEST = parseMessageType(`${DATA_NOTICES_PROTOCOL}/deletion-request`)
const NOTICE = parseMessageType(`${DATA_NOTICES_PROTOCOL}/notice`)

const threadOf = (message: DidCommMessage) => message.thread?.parentThreadId

export class DeletionRequestMessage extends DidCommMessage {
  static override readonly type = DELETION_REQUEST
  @IsValidMessageType(DELETION_REQUEST)
  override readonly type = DELETION_REQUEST.messageTypeUri

  // Plain fields, checked with zod by whoever handles the message (snake_case as DIDComm writes them).
  reason?: string
  requested_at?: string
  /** 1.0 additions a reader may ignore: the agreement the grant was made under, and the holder's signature. */
  agreement_id?: string
  signature?: unknown

  constructor(options?: { grantThreadId: string; reason: string; agreementId?: string }) {
    super()
    if (options) {
      this.id = this.generateId()
      this.setThread({ parentThreadId: options.grantThreadId })
      this.reason = options.reason
      this.requested_at = new Date().toISOString()
      this.agreement_id = options.agreementId
    }
  }
}

export type NoticeKind = 'used' | 'deleted'

export class DataNoticeMessage extends DidCommMessage {
  static override readonly type = NOTICE
  @IsValidMessageType(NOTICE)
  override readonly type = NOTICE.messageTypeUri

  kind?: string
  note?: string
  at?: string
  /** The recipient's signature over what it says (a signed acknowledgement); a 1.0 addition. */
  signature?: unknown

  constructor(options?: { grantThreadId: string; kind: NoticeKind; note?: string }) {
    super()
    if (options) {
      this.id = this.generateId()
      this.setThread({ parentThreadId: options.grantThreadId })
      this.kind = options.kind
      this.note = options.note
      this.at = new Date().toISOString()
    }
  }
}

const noticeBody = z.object({
  grantThreadId: z.string().min(1).max(200),
  kind: z.enum(['used', 'deleted']),
  note: z.string().max(500).optional(),
})

/** A notice's content, or undefined when it is not one this version of the protocol defines. */
export function readNotice(message: DataNoticeMessage): z.output<typeof noticeBody> | undefined {
  const parsed = noticeBody.safeParse({ grantThreadId: threadOf(message), kind: message.kind, note: message.note })
  return parsed.success ? parsed.data : undefined
}

/** The grant thread a deletion request names, or undefined when it names none. */
export function readDeletionRequest(message: DeletionRequestMessage): { grantThreadId: string } | undefined {
  const parsed = z.string().min(1).max(200).safeParse(threadOf(message))
  return parsed.success ? { grantThreadId: parsed.data } : undefined
}

/** What the holder signs in a deletion request: the grant, the agreement it names, and when. */
export function deletionRequestSigned(message: DeletionRequestMessage) {
  return { grant_thread: threadOf(message), agreement_id: message.agreement_id, requested_at: message.requested_at }
}

/** What a recipient signs in a notice: the grant, what it did, and when. */
export function noticeSigned(message: DataNoticeMessage) {
  return { grant_thread: threadOf(message), kind: message.kind, at: message.at }
}
