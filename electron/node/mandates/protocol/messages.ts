import { DidCommMessage, IsValidMessageType, parseMessageType } from '@credo-ts/didcomm'

/**
 * Custos mandates 1.0, between two members' nodes over their member connection (docs/households.md).
 * grant and revoke carry the mandate; ask carries what a request asks (requester, purpose, kinds of
 * data and claim names, never values); decision and outcome answer on the ask's thread. Bodies are
 * plain fields, checked with zod by the handler (snake_case as DIDComm writes them).
 */
export const MANDATES_PROTOCOL = 'https://custos.example/mandates/1.0'

const GRANT = parseMessageType(`${MANDATES_PROTOCOL}/grant`)
const REVOKE = parseMessageType(`${MANDATES_PROTOCOL}/revoke`)
const ASK = parseMessageType(`${MANDATES_PROTOCOL}/ask`)
const DECISION = parseMessageType(`${MANDATES_PROTOCOL}/decision`)
const OUTCOME = parseMessageType(`${MANDATES_PROTOCOL}/outcome`)

function init(message: DidCommMessage, body: object | undefined, thread?: string): void {
  if (!body) return
  message.id = message.generateId()
  if (thread) message.setThread({ threadId: thread })
  Object.assign(message, body)
}

export class MandateGrantMessage extends DidCommMessage {
  static override readonly type = GRANT
  @IsValidMessageType(GRANT)
  override readonly type = GRANT.messageTypeUri
  mandate?: unknown

  constructor(options?: { mandate: unknown }) {
    super()
    init(this, options)
  }
}

export class MandateRevokeMessage extends DidCommMessage {
  static override readonly type = REVOKE
  @IsValidMessageType(REVOKE)
  override readonly type = REVOKE.messageTypeUri
  mandate_id?: unknown

  constructor(options?: { mandate_id: string }) {
    super()
    init(this, options)
  }
}

export class MandateAskMessage extends DidCommMessage {
  static override readonly type = ASK
  @IsValidMessageType(ASK)
  override readonly type = ASK.messageTypeUri
  mandate_id?: unknown
  asked?: unknown

  constructor(options?: { mandate_id: string; asked: unknown }) {
    super()
    init(this, options)
  }
}

export class MandateDecisionMessage extends DidCommMessage {
  static override readonly type = DECISION
  @IsValidMessageType(DECISION)
  override readonly type = DECISION.messageTypeUri
  mandate_id?: unknown
  approve?: unknown
  /** The descriptor ids the delegate approves: exactly what was put to them, or it is refused. */
  items?: unknown

  constructor(options?: { askId: string; mandate_id: string; approve: boolean; items: string[] }) {
    super()
    init(
      this,
      options && { mandate_id: options.mandate_id, approve: options.approve, items: options.items },
      options?.askId,
    )
  }
}

export class MandateOutcomeMessage extends DidCommMessage {
  static override readonly type = OUTCOME
  @IsValidMessageType(OUTCOME)
  override readonly type = OUTCOME.messageTypeUri
  state?: unknown
  note?: unknown

  constructor(options?: { askId: string; state: 'done' | 'declined' | 'refused' | 'withdrawn'; note?: string }) {
    super()
    init(this, options && { state: options.state, note: options.note }, options?.askId)
  }
}

export const mandateMessages = [
  MandateGrantMessage,
  MandateRevokeMessage,
  MandateAskMessage,
  MandateDecisionMessage,
  MandateOutcomeMessage,
]
