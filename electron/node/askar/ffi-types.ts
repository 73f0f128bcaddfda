import koffi, { type TypeObject } from 'koffi'

// Koffi keeps named types in one registry per process; a second evaluation of this module (tests,
// hot reload) must reuse them instead of failing on a duplicate name.
function named(name: string, create: () => TypeObject): TypeObject {
  try {
    return koffi.type(name)
  } catch {
    return create()
  }
}

export type FfiTypes = ReturnType<typeof defineTypes>

let types: FfiTypes | undefined

function defineTypes() {
  // ffi_support::ByteBuffer, also Askar's SecretBuffer: { len: i64, data: *mut u8 }
  const byteBuffer = named('AskarByteBuffer', () =>
    koffi.struct('AskarByteBuffer', { len: 'int64_t', data: 'uint8_t *' }),
  )
  return {
    byteBuffer,
    encryptedBuffer: named('AskarEncryptedBuffer', () =>
      koffi.struct('AskarEncryptedBuffer', { buffer: byteBuffer, tag_pos: 'int64_t', nonce_pos: 'int64_t' }),
    ),
    aeadParams: named('AskarAeadParams', () =>
      koffi.struct('AskarAeadParams', { nonce_length: 'int32_t', tag_length: 'int32_t' }),
    ),
    // Async results arrive as cb(cb_id, err, result); the result type is what differs.
    cbVoid: named('AskarCbVoid', () => koffi.proto('void AskarCbVoid(int64_t cb_id, int64_t err)')),
    cbHandle: named('AskarCbHandle', () =>
      koffi.proto('void AskarCbHandle(int64_t cb_id, int64_t err, size_t handle)'),
    ),
    cbPointer: named('AskarCbPointer', () =>
      koffi.proto('void AskarCbPointer(int64_t cb_id, int64_t err, void *result)'),
    ),
    cbInt8: named('AskarCbInt8', () => koffi.proto('void AskarCbInt8(int64_t cb_id, int64_t err, int8_t result)')),
    cbInt64: named('AskarCbInt64', () => koffi.proto('void AskarCbInt64(int64_t cb_id, int64_t err, int64_t result)')),
    logCallback: named('AskarLogCallback', () =>
      koffi.proto(
        'void AskarLogCallback(void *context, int32_t level, const char *target, const char *message, const char *module_path, const char *file, int32_t line)',
      ),
    ),
  }
}

/** The struct and callback types, created on first use so importing the binding never touches koffi. */
export function ffiTypes(): FfiTypes {
  types ??= defineTypes()
  return types
}

export type CallbackKind = 'cbVoid' | 'cbHandle' | 'cbPointer' | 'cbInt8' | 'cbInt64'

/** A ByteBuffer as passed in: koffi reads the Uint8Array for the duration of the call. */
export type ByteBufferArg = { len: number; data: Uint8Array | null }

/** A SecretBuffer as filled in by the library: data points into library memory until askar_buffer_free. */
export type RawBuffer = { len: number | bigint; data: bigint | null }

export type RawEncryptedBuffer = { buffer: RawBuffer; tag_pos: number | bigint; nonce_pos: number | bigint }

export type RawAeadParams = { nonce_length: number; tag_length: number }
