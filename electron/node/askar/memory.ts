import koffi from 'koffi'
import { AskarError, EncryptedBuffer, Jwk, type Key } from '@openwallet-foundation/askar-shared'

import type { ByteBufferArg, RawBuffer, RawEncryptedBuffer } from './ffi-types'
import type { NativeAskar } from './library'

// Arguments: the same conversions as the reference wrapper's serializeArguments, minus ref-napi.

/** An absent buffer is an empty ByteBuffer, which the library reads as "not given". */
export function byteBuffer(data?: Uint8Array): ByteBufferArg {
  return data && data.length > 0 ? { len: data.length, data } : { len: 0, data: null }
}

/**
 * A JWK as the library reads it: JSON bytes. Credo 0.6 passes those bytes itself (a Uint8Array of the
 * JSON); askar-shared's callers pass a Jwk, older ones a plain object.
 */
export function jwkBuffer(jwk: Jwk | Uint8Array): ByteBufferArg {
  if (jwk instanceof Uint8Array) return byteBuffer(jwk)
  const json = jwk instanceof Jwk ? jwk.toUint8Array() : new TextEncoder().encode(JSON.stringify(jwk))
  return byteBuffer(json)
}

/** Tags and tag filters travel as JSON; undefined means NULL, exactly as in the reference. */
export function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value)
}

export function str(value: string | undefined): string | null {
  return value ?? null
}

export function flag(value: boolean | undefined): number {
  return value ? 1 : 0
}

/**
 * Pointer handles (keys, entry lists) are kept as decimal strings: askar-shared types them as
 * Uint8Array | string, and a string cannot be mistaken for a live pointer by anything else.
 */
export function toArcHandle(pointer: unknown): string | null {
  if (pointer === null || pointer === undefined) return null
  if (typeof pointer !== 'bigint' && typeof pointer !== 'number') throw unexpected('pointer result')
  return pointer.toString()
}

export function pointerOf(owner: { handle: Uint8Array | string }): bigint {
  if (typeof owner.handle !== 'string') {
    throw AskarError.customError({ message: 'Invalid handle: it was created by another Askar binding' })
  }
  return BigInt(owner.handle)
}

export function keyPointer(key: Key): bigint {
  return pointerOf(key.handle)
}

export function unexpected(what: string): AskarError {
  return AskarError.customError({ message: `Unexpected null pointer or type for ${what}` })
}

// Results: copy out of library memory, then hand the memory back, whatever happens while copying.

export function takeString(native: NativeAskar, pointer: unknown): string | null {
  if (pointer === null || pointer === undefined || pointer === 0n) return null
  try {
    return koffi.decode(pointer, 'char', -1) as string
  } finally {
    native.askar_string_free(pointer)
  }
}

export function takeBuffer(native: NativeAskar, raw: RawBuffer): Uint8Array {
  try {
    const len = Number(raw.len)
    if (len <= 0 || raw.data === null) return new Uint8Array(0)
    // koffi.decode copies; Uint8Array.from makes sure the result owns a buffer of exactly len bytes.
    return Uint8Array.from(koffi.decode(raw.data, 'uint8_t', len) as Uint8Array)
  } finally {
    native.askar_buffer_free(raw)
  }
}

export function takeEncryptedBuffer(native: NativeAskar, raw: RawEncryptedBuffer): EncryptedBuffer {
  const buffer = takeBuffer(native, raw.buffer)
  return new EncryptedBuffer({ buffer, tagPos: Number(raw.tag_pos), noncePos: Number(raw.nonce_pos) })
}
