import { DidCommMessage, IsValidMessageType, parseMessageType, type ParsedMessageType } from '@credo-ts/didcomm'

/**
 * Custos household 1.0: one message, sent by either side of a member's connection to the household node.
 * From the member: "I leave; stop holding messages for me." From the household node: "you were removed;
 * stop picking up here." It carries nothing else: who speaks is the connection.
 */
export const HOUSEHOLD_PROTOCOL = 'https://custos.example/household/1.0'

const END = parseMessageType(`${HOUSEHOLD_PROTOCOL}/end-membership`)

export class HouseholdEndMessage extends DidCommMessage {
  static override readonly type: ParsedMessageType = END
  @IsValidMessageType(END)
  override readonly type = END.messageTypeUri

  constructor(options?: { id?: string }) {
    super()
    if (options) this.id = options.id ?? this.generateId()
  }
}
