import type { LocalKeyHandle } from '@openwallet-foundation/askar-shared'
import type {
  EntryListCountOptions,
  EntryListFreeOptions,
  EntryListGetCategoryOptions,
  EntryListGetNameOptions,
  EntryListGetTagsOptions,
  EntryListGetValueOptions,
  KeyEntryListCountOptions,
  KeyEntryListFreeOptions,
  KeyEntryListGetAlgorithmOptions,
  KeyEntryListGetMetadataOptions,
  KeyEntryListGetNameOptions,
  KeyEntryListGetTagsOptions,
  KeyEntryListLoadLocalOptions,
} from '@openwallet-foundation/askar-shared'

import { pointerOf } from './memory'
import { KoffiAskarSessions } from './session'

/** Reading entry lists and key entry lists; every string read is a copy the library allocated for us. */
export class KoffiAskarEntries extends KoffiAskarSessions {
  entryListCount({ entryListHandle }: EntryListCountOptions): number {
    return this.outNumber((out) => this.native.askar_entry_list_count(pointerOf(entryListHandle), out))
  }

  entryListFree({ entryListHandle }: EntryListFreeOptions): void {
    this.native.askar_entry_list_free(pointerOf(entryListHandle))
  }

  entryListGetCategory({ entryListHandle, index }: EntryListGetCategoryOptions): string {
    const handle = pointerOf(entryListHandle)
    return this.outRequiredString((out) => this.native.askar_entry_list_get_category(handle, index, out))
  }

  entryListGetName({ entryListHandle, index }: EntryListGetNameOptions): string {
    const handle = pointerOf(entryListHandle)
    return this.outRequiredString((out) => this.native.askar_entry_list_get_name(handle, index, out))
  }

  entryListGetTags({ entryListHandle, index }: EntryListGetTagsOptions): string | null {
    const handle = pointerOf(entryListHandle)
    return this.outString((out) => this.native.askar_entry_list_get_tags(handle, index, out))
  }

  entryListGetValue({ entryListHandle, index }: EntryListGetValueOptions): Uint8Array {
    const handle = pointerOf(entryListHandle)
    return this.outBuffer((out) => this.native.askar_entry_list_get_value(handle, index, out))
  }

  keyEntryListCount({ keyEntryListHandle }: KeyEntryListCountOptions): number {
    return this.outNumber((out) => this.native.askar_key_entry_list_count(pointerOf(keyEntryListHandle), out))
  }

  keyEntryListFree({ keyEntryListHandle }: KeyEntryListFreeOptions): void {
    this.native.askar_key_entry_list_free(pointerOf(keyEntryListHandle))
  }

  keyEntryListGetAlgorithm({ keyEntryListHandle, index }: KeyEntryListGetAlgorithmOptions): string {
    const handle = pointerOf(keyEntryListHandle)
    return this.outRequiredString((out) => this.native.askar_key_entry_list_get_algorithm(handle, index, out))
  }

  keyEntryListGetMetadata({ keyEntryListHandle, index }: KeyEntryListGetMetadataOptions): string | null {
    const handle = pointerOf(keyEntryListHandle)
    return this.outString((out) => this.native.askar_key_entry_list_get_metadata(handle, index, out))
  }

  keyEntryListGetName({ keyEntryListHandle, index }: KeyEntryListGetNameOptions): string {
    const handle = pointerOf(keyEntryListHandle)
    return this.outRequiredString((out) => this.native.askar_key_entry_list_get_name(handle, index, out))
  }

  keyEntryListGetTags({ keyEntryListHandle, index }: KeyEntryListGetTagsOptions): string | null {
    const handle = pointerOf(keyEntryListHandle)
    return this.outString((out) => this.native.askar_key_entry_list_get_tags(handle, index, out))
  }

  keyEntryListLoadLocal({ keyEntryListHandle, index }: KeyEntryListLoadLocalOptions): LocalKeyHandle {
    const handle = pointerOf(keyEntryListHandle)
    return this.outLocalKey((out) => this.native.askar_key_entry_list_load_local(handle, index, out))
  }
}
