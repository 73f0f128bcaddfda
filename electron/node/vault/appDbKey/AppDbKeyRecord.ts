import { BaseRecord, type TagsBase } from '@credo-ts/core'

/**
 * The key of the app database. A record type of its own, so it sits in its own Askar category: no
 * generic-records call (which any capability may make) ever lists it.
 */
export class AppDbKeyRecord extends BaseRecord<TagsBase> {
  keyHex!: string

  static override readonly type = 'CustosAppDbKey'
  override readonly type = AppDbKeyRecord.type

  constructor(props?: { id: string; keyHex: string }) {
    super()
    // Credo's JsonTransformer builds records without arguments when it reads them back.
    if (props) {
      this.id = props.id
      this.createdAt = new Date()
      this.keyHex = props.keyHex
    }
  }

  override getTags(): TagsBase {
    return { ...this._tags }
  }
}
