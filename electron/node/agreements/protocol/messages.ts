import { DidCommMessage, IsValidMessageType, parseMessageType, type ParsedMessageType } from '@credo-ts/didcomm'

import type { AgreementSignature, AgreementTerms } from '../../../../shared/api'

/**
 * Custos data agreements 1.0 (docs/data-agreements.md): a company offers its data list, the holder
 * counters with what the person's profile allows, either side accepts (signing the terms the other
 * proposed and signed), rejects, or later terminates. One thread per agreement: the offer's id.
 */
export const DATA_AGREEMENTS_PROTOCOL = 'https://custos.example/data-agreements/1.0'

const typeOf = (name: string) => parseMessageType(`${DATA_AGREEMENTS_PROTOCOL}/${name}`)
const OFFER = typeOf('offer')
const COUNTER = typeOf('counter')
const ACCEPT = typeOf('accept')
const REJECT = typeOf('reject')
const TERMINATE = typeOf('terminate')

interface Options {
  threadId?: string
  terms?: AgreementTerms
  signature?: AgreementSignature
  reason?: string
}

// Plain fields, checked with zod by whoever handles the message (snake_case as DIDComm writes them).
abstract class AgreementMessage extends DidCommMessage {
  terms?: unknown
  signature?: unknown
  reason?: unknown
  agreement_id?: unknown

  constructor(options?: Options & { agreementId?: string }) {
    super()
    if (!options) return
    this.id = this.generateId()
    if (options.threadId) this.setThread({ threadId: options.threadId })
    this.terms = options.terms
    this.signature = options.signature
    this.reason = options.reason
    this.agreement_id = options.agreementId
  }
}

export class AgreementOfferMessage extends AgreementMessage {
  static override readonly type: ParsedMessageType = OFFER
  @IsValidMessageType(OFFER)
  override readonly type = OFFER.messageTypeUri
}

export class AgreementCounterMessage extends AgreementMessage {
  static override readonly type: ParsedMessageType = COUNTER
  @IsValidMessageType(COUNTER)
  override readonly type = COUNTER.messageTypeUri
}

export class AgreementAcceptMessage extends AgreementMessage {
  static override readonly type: ParsedMessageType = ACCEPT
  @IsValidMessageType(ACCEPT)
  override readonly type = ACCEPT.messageTypeUri
}

export class AgreementRejectMessage extends AgreementMessage {
  static override readonly type: ParsedMessageType = REJECT
  @IsValidMessageType(REJECT)
  override readonly type = REJECT.messageTypeUri
}

export class AgreementTerminateMessage extends AgreementMessage {
  static override readonly type: ParsedMessageType = TERMINATE
  @IsValidMessageType(TERMINATE)
  override readonly type = TERMINATE.messageTypeUri
}

export type AnyAgreementMessage =
  | AgreementOfferMessage
  | AgreementCounterMessage
  | AgreementAcceptMessage
  | AgreementRejectMessage
  | AgreementTerminateMessage

export const agreementMessageClasses = [
  AgreementOfferMessage,
  AgreementCounterMessage,
  AgreementAcceptMessage,
  AgreementRejectMessage,
  AgreementTerminateMessage,
]
