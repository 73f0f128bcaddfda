import { BaseRecord, utils, type EncryptedMessage, type TagsBase } from '@credo-ts/core'

export type DefaultQueuedMessageTags = {
  connectionId: string
  recipientDids: string[]
  sequence: string
}

export interface QueuedMessageRecordProps {
  id?: string
  createdAt?: Date
  connectionId: string
  recipientDids: string[]
  sequence: number
  payload: EncryptedMessage
  tags?: TagsBase
}

/**
 * One message a mediator holds for a recipient until it is picked up. Kept in the agent's Askar
 * store, so the queue is encrypted at rest with the node's key and survives restarts.
 */
export class QueuedMessageRecord extends BaseRecord<DefaultQueuedMessageTags> {
  connectionId!: string
  recipientDids!: string[]
  // Arrival order; createdAt has only millisecond resolution and Askar scans have no ORDER BY.
  sequence!: number
  payload!: EncryptedMessage

  static override readonly type = 'CustosQueuedMessageRecord'
  override readonly type = QueuedMessageRecord.type

  constructor(props?: QueuedMessageRecordProps) {
    super()
    // Credo's JsonTransformer builds records without arguments when it reads them back.
    if (props) {
      this.id = props.id ?? utils.uuid()
      this.createdAt = props.createdAt ?? new Date()
      this.connectionId = props.connectionId
      this.recipientDids = props.recipientDids
      this.sequence = props.sequence
      this.payload = props.payload
      this._tags = props.tags ?? {}
    }
  }

  override getTags() {
    return {
      ...this._tags,
      connectionId: this.connectionId,
      recipientDids: this.recipientDids,
      sequence: String(this.sequence),
    }
  }
}
