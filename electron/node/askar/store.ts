import { AskarError, StoreHandle, handleInvalidNullResponse } from '@openwallet-foundation/askar-shared'
import type {
  MigrateIndySdkOptions,
  StoreCloseOptions,
  StoreCopyProfileOptions,
  StoreCopyToOptions,
  StoreCreateProfileOptions,
  StoreGenerateRawKeyOptions,
  StoreGetDefaultProfileOptions,
  StoreGetProfileNameOptions,
  StoreListProfilesOptions,
  StoreOpenOptions,
  StoreProvisionOptions,
  StoreRekeyOptions,
  StoreRemoveOptions,
  StoreRemoveProfileOptions,
  StoreRenameProfileOptions,
  StoreSetDefaultProfileOptions,
} from '@openwallet-foundation/askar-shared'

import { KoffiAskarBase } from './base'
import { byteBuffer, flag, str, takeString } from './memory'

const toStoreHandle = (raw: unknown) => StoreHandle.fromHandle(Number(raw))
const toNumber = (raw: unknown) => handleInvalidNullResponse(Number(raw))

/** Stores, profiles and migration. */
export class KoffiAskarStores extends KoffiAskarBase {
  // Strings delivered to callbacks are allocated for the receiver, who frees them.
  protected readonly toOwnedString = (raw: unknown): string => handleInvalidNullResponse(takeString(this.native, raw))
  protected readonly freeString = (raw: unknown): void => void takeString(this.native, raw)

  storeGenerateRawKey({ seed }: StoreGenerateRawKeyOptions): string {
    return this.outRequiredString((out) => this.native.askar_store_generate_raw_key(byteBuffer(seed), out))
  }

  storeProvision({ specUri, keyMethod, passKey, profile, recreate }: StoreProvisionOptions): Promise<StoreHandle> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_provision(specUri, str(keyMethod), str(passKey), str(profile), flag(recreate), cb, id)
    return this.async({ kind: 'cbHandle', start }, toStoreHandle)
  }

  storeOpen({ specUri, keyMethod, passKey, profile }: StoreOpenOptions): Promise<StoreHandle> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_open(specUri, str(keyMethod), str(passKey), str(profile), cb, id)
    return this.async({ kind: 'cbHandle', start }, toStoreHandle)
  }

  storeClose({ storeHandle }: StoreCloseOptions): Promise<void> {
    const start = (cb: bigint, id: number) => this.native.askar_store_close(storeHandle.handle, cb, id)
    return this.async({ kind: 'cbVoid', start }, () => undefined)
  }

  storeRekey({ storeHandle, keyMethod, passKey }: StoreRekeyOptions): Promise<void> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_rekey(storeHandle.handle, str(keyMethod), str(passKey), cb, id)
    return this.async({ kind: 'cbVoid', start }, () => undefined)
  }

  storeRemove({ specUri }: StoreRemoveOptions): Promise<number> {
    const start = (cb: bigint, id: number) => this.native.askar_store_remove(specUri, cb, id)
    return this.async({ kind: 'cbInt8', start }, toNumber)
  }

  // The library opens the copy and hands back its handle, which the interface has no way to return
  // (the reference drops it, leaving the copy open); close it so the target is released.
  async storeCopyTo({ storeHandle, targetUri, keyMethod, passKey, recreate }: StoreCopyToOptions): Promise<void> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_copy(storeHandle.handle, targetUri, str(keyMethod), str(passKey), flag(recreate), cb, id)
    const copy = await this.async({ kind: 'cbHandle', start }, toStoreHandle)
    await this.storeClose({ storeHandle: copy })
  }

  storeCreateProfile({ storeHandle, profile }: StoreCreateProfileOptions): Promise<string> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_create_profile(storeHandle.handle, str(profile), cb, id)
    return this.async({ kind: 'cbPointer', start }, this.toOwnedString, this.freeString)
  }

  storeGetProfileName({ storeHandle }: StoreGetProfileNameOptions): Promise<string> {
    const start = (cb: bigint, id: number) => this.native.askar_store_get_profile_name(storeHandle.handle, cb, id)
    return this.async({ kind: 'cbPointer', start }, this.toOwnedString, this.freeString)
  }

  storeGetDefaultProfile({ storeHandle }: StoreGetDefaultProfileOptions): Promise<string> {
    const start = (cb: bigint, id: number) => this.native.askar_store_get_default_profile(storeHandle.handle, cb, id)
    return this.async({ kind: 'cbPointer', start }, this.toOwnedString, this.freeString)
  }

  storeSetDefaultProfile({ storeHandle, profile }: StoreSetDefaultProfileOptions): Promise<void> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_set_default_profile(storeHandle.handle, profile, cb, id)
    return this.async({ kind: 'cbVoid', start }, () => undefined)
  }

  storeListProfiles({ storeHandle }: StoreListProfilesOptions): Promise<string[]> {
    const start = (cb: bigint, id: number) => this.native.askar_store_list_profiles(storeHandle.handle, cb, id)
    return this.async({ kind: 'cbPointer', start }, (raw) => this.readStringList(raw), this.freeStringList)
  }

  storeRemoveProfile({ storeHandle, profile }: StoreRemoveProfileOptions): Promise<number> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_remove_profile(storeHandle.handle, profile, cb, id)
    return this.async({ kind: 'cbInt8', start }, toNumber)
  }

  storeRenameProfile({ storeHandle, fromProfile, toProfile }: StoreRenameProfileOptions): Promise<number> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_rename_profile(storeHandle.handle, fromProfile, toProfile, cb, id)
    return this.async({ kind: 'cbInt8', start }, toNumber)
  }

  // Askar 0.4.6 calls back with no result here (the reference reads an int8 that is not there);
  // success means the profile was copied.
  storeCopyProfile({ fromHandle, toHandle, fromProfile, toProfile }: StoreCopyProfileOptions): Promise<number> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_store_copy_profile(fromHandle.handle, toHandle.handle, fromProfile, toProfile, cb, id)
    return this.async({ kind: 'cbVoid', start }, () => 1)
  }

  migrateIndySdk({ specUri, walletName, walletKey, kdfLevel }: MigrateIndySdkOptions): Promise<void> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_migrate_indy_sdk(specUri, walletName, walletKey, kdfLevel, cb, id)
    return this.async({ kind: 'cbVoid', start }, () => undefined)
  }

  /** Copies a StringList out and frees it, items included. */
  protected readStringList(raw: unknown): string[] {
    if (raw === null || raw === undefined) throw AskarError.customError({ message: 'Invalid handle' })
    try {
      const count = this.outNumber((out) => this.native.askar_string_list_count(raw, out))
      const items: string[] = []
      for (let i = 0; i < count; i++) {
        items.push(this.outRequiredString((out) => this.native.askar_string_list_get_item(raw, i, out)))
      }
      return items
    } finally {
      this.native.askar_string_list_free(raw)
    }
  }

  protected readonly freeStringList = (raw: unknown): void => {
    if (raw !== null && raw !== undefined) this.native.askar_string_list_free(raw)
  }
}
