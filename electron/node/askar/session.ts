import {
  EntryListHandle,
  KeyEntryListHandle,
  ScanHandle,
  SessionHandle,
  handleInvalidNullResponse,
} from '@openwallet-foundation/askar-shared'
import type {
  ScanFreeOptions,
  ScanNextOptions,
  ScanStartOptions,
  SessionCloseOptions,
  SessionCountOptions,
  SessionFetchAllKeysOptions,
  SessionFetchAllOptions,
  SessionFetchKeyOptions,
  SessionFetchOptions,
  SessionInsertKeyOptions,
  SessionRemoveAllOptions,
  SessionRemoveKeyOptions,
  SessionStartOptions,
  SessionUpdateKeyOptions,
  SessionUpdateOptions,
} from '@openwallet-foundation/askar-shared'

import { byteBuffer, flag, json, pointerOf, str, toArcHandle } from './memory'
import { KoffiAskarStores } from './store'

const toNumber = (raw: unknown) => handleInvalidNullResponse(Number(raw))
const done = () => undefined
// The reference's `+value || default` coercions, kept so odd inputs behave the same.
const orDefault = (value: number | undefined, fallback: number) => Number(value) || fallback

/** Sessions and scans; results that are entry lists arrive as pointer handles. */
export class KoffiAskarSessions extends KoffiAskarStores {
  private readonly toEntryList = (raw: unknown) => EntryListHandle.fromHandle(toArcHandle(raw))
  private readonly toKeyEntryList = (raw: unknown) => KeyEntryListHandle.fromHandle(toArcHandle(raw))
  private readonly freeEntryList = (raw: unknown) => {
    if (raw !== null && raw !== undefined) this.native.askar_entry_list_free(raw)
  }
  private readonly freeKeyEntryList = (raw: unknown) => {
    if (raw !== null && raw !== undefined) this.native.askar_key_entry_list_free(raw)
  }

  sessionStart({ storeHandle, profile, asTransaction }: SessionStartOptions): Promise<SessionHandle> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_start(storeHandle.handle, str(profile), flag(asTransaction), cb, id)
    return this.async({ kind: 'cbHandle', start }, (raw) => SessionHandle.fromHandle(Number(raw)))
  }

  sessionClose({ sessionHandle, commit }: SessionCloseOptions): Promise<void> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_close(sessionHandle.handle, flag(commit), cb, id)
    return this.async({ kind: 'cbVoid', start }, done)
  }

  sessionCount({ sessionHandle, category, tagFilter }: SessionCountOptions): Promise<number> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_count(sessionHandle.handle, str(category), json(tagFilter), cb, id)
    return this.async({ kind: 'cbInt64', start }, toNumber)
  }

  sessionFetch({ sessionHandle, category, name, forUpdate }: SessionFetchOptions): Promise<EntryListHandle | null> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_fetch(sessionHandle.handle, category, name, flag(forUpdate), cb, id)
    return this.async({ kind: 'cbPointer', start }, this.toEntryList, this.freeEntryList)
  }

  sessionFetchAll(options: SessionFetchAllOptions): Promise<EntryListHandle | null> {
    const { sessionHandle, category, tagFilter, limit, orderBy, descending, forUpdate } = options
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_fetch_all(
        sessionHandle.handle,
        str(category),
        json(tagFilter),
        orDefault(limit, -1),
        str(orderBy),
        flag(descending),
        flag(forUpdate),
        cb,
        id,
      )
    return this.async({ kind: 'cbPointer', start }, this.toEntryList, this.freeEntryList)
  }

  sessionUpdate({
    sessionHandle,
    operation,
    category,
    name,
    value,
    tags,
    expiryMs,
  }: SessionUpdateOptions): Promise<void> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_update(
        sessionHandle.handle,
        operation,
        category,
        name,
        byteBuffer(value),
        json(tags),
        orDefault(expiryMs, -1),
        cb,
        id,
      )
    return this.async({ kind: 'cbVoid', start }, done)
  }

  sessionRemoveAll({ sessionHandle, category, tagFilter }: SessionRemoveAllOptions): Promise<number> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_remove_all(sessionHandle.handle, str(category), json(tagFilter), cb, id)
    return this.async({ kind: 'cbInt64', start }, toNumber)
  }

  sessionInsertKey(options: SessionInsertKeyOptions): Promise<void> {
    const { sessionHandle, localKeyHandle, name, metadata, tags, expiryMs } = options
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_insert_key(
        sessionHandle.handle,
        pointerOf(localKeyHandle),
        name,
        str(metadata),
        json(tags),
        orDefault(expiryMs, -1),
        cb,
        id,
      )
    return this.async({ kind: 'cbVoid', start }, done)
  }

  sessionFetchKey({ sessionHandle, name, forUpdate }: SessionFetchKeyOptions): Promise<KeyEntryListHandle | null> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_fetch_key(sessionHandle.handle, name, flag(forUpdate), cb, id)
    return this.async({ kind: 'cbPointer', start }, this.toKeyEntryList, this.freeKeyEntryList)
  }

  sessionFetchAllKeys(options: SessionFetchAllKeysOptions): Promise<KeyEntryListHandle | null> {
    const { sessionHandle, algorithm, thumbprint, tagFilter, limit, forUpdate } = options
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_fetch_all_keys(
        sessionHandle.handle,
        str(algorithm),
        str(thumbprint),
        json(tagFilter),
        orDefault(limit, -1),
        flag(forUpdate),
        cb,
        id,
      )
    return this.async({ kind: 'cbPointer', start }, this.toKeyEntryList, this.freeKeyEntryList)
  }

  sessionUpdateKey({ sessionHandle, name, metadata, tags, expiryMs }: SessionUpdateKeyOptions): Promise<void> {
    const start = (cb: bigint, id: number) =>
      this.native.askar_session_update_key(
        sessionHandle.handle,
        name,
        str(metadata),
        json(tags),
        orDefault(expiryMs, -1),
        cb,
        id,
      )
    return this.async({ kind: 'cbVoid', start }, done)
  }

  sessionRemoveKey({ sessionHandle, name }: SessionRemoveKeyOptions): Promise<void> {
    const start = (cb: bigint, id: number) => this.native.askar_session_remove_key(sessionHandle.handle, name, cb, id)
    return this.async({ kind: 'cbVoid', start }, done)
  }

  scanStart(options: ScanStartOptions): Promise<ScanHandle> {
    const { storeHandle, profile, category, tagFilter, offset, limit, orderBy, descending } = options
    const start = (cb: bigint, id: number) =>
      this.native.askar_scan_start(
        storeHandle.handle,
        str(profile),
        str(category),
        json(tagFilter),
        orDefault(offset, 0),
        orDefault(limit, -1),
        str(orderBy),
        flag(descending),
        cb,
        id,
      )
    return this.async({ kind: 'cbHandle', start }, (raw) => ScanHandle.fromHandle(Number(raw)))
  }

  scanNext({ scanHandle }: ScanNextOptions): Promise<EntryListHandle | null> {
    const start = (cb: bigint, id: number) => this.native.askar_scan_next(scanHandle.handle, cb, id)
    return this.async({ kind: 'cbPointer', start }, this.toEntryList, this.freeEntryList)
  }

  scanFree({ scanHandle }: ScanFreeOptions): void {
    this.handleError(this.native.askar_scan_free(scanHandle.handle))
  }
}
