import koffi from 'koffi'

import { ffiTypes } from './ffi-types'
import { askarLibraryPath } from './locate'

// C prototypes of Askar 0.4.6 (the ABI @openwallet-foundation/askar-nodejs 0.4.3 is built against).
// Every char** and SecretBuffer* out-parameter receives memory the caller owns, hence void** here:
// the binding decodes and then frees it with askar_string_free / askar_buffer_free.
const CALLS = {
  askar_get_current_error: 'int64_t askar_get_current_error(_Out_ void **out)',
  askar_set_custom_logger:
    'int64_t askar_set_custom_logger(void *context, AskarLogCallback *log, void *enabled, void *flush, int32_t level)',
  askar_set_default_logger: 'int64_t askar_set_default_logger()',
  askar_set_max_log_level: 'int64_t askar_set_max_log_level(int32_t level)',
  askar_argon2_derive_password:
    'int64_t askar_argon2_derive_password(int8_t params, AskarByteBuffer password, AskarByteBuffer salt, _Out_ AskarByteBuffer *out)',
  askar_entry_list_count: 'int64_t askar_entry_list_count(void *handle, _Out_ int32_t *count)',
  askar_entry_list_get_category: 'int64_t askar_entry_list_get_category(void *handle, int32_t index, _Out_ void **out)',
  askar_entry_list_get_name: 'int64_t askar_entry_list_get_name(void *handle, int32_t index, _Out_ void **out)',
  askar_entry_list_get_tags: 'int64_t askar_entry_list_get_tags(void *handle, int32_t index, _Out_ void **out)',
  askar_entry_list_get_value:
    'int64_t askar_entry_list_get_value(void *handle, int32_t index, _Out_ AskarByteBuffer *out)',
  askar_string_list_count: 'int64_t askar_string_list_count(void *handle, _Out_ int32_t *count)',
  askar_string_list_get_item: 'int64_t askar_string_list_get_item(void *handle, int32_t index, _Out_ void **out)',
  askar_key_aead_decrypt:
    'int64_t askar_key_aead_decrypt(void *key, AskarByteBuffer ciphertext, AskarByteBuffer nonce, AskarByteBuffer tag, AskarByteBuffer aad, _Out_ AskarByteBuffer *out)',
  askar_key_aead_encrypt:
    'int64_t askar_key_aead_encrypt(void *key, AskarByteBuffer message, AskarByteBuffer nonce, AskarByteBuffer aad, _Out_ AskarEncryptedBuffer *out)',
  askar_key_aead_get_padding: 'int64_t askar_key_aead_get_padding(void *key, int64_t msg_len, _Out_ int32_t *out)',
  askar_key_aead_get_params: 'int64_t askar_key_aead_get_params(void *key, _Out_ AskarAeadParams *out)',
  askar_key_aead_random_nonce: 'int64_t askar_key_aead_random_nonce(void *key, _Out_ AskarByteBuffer *out)',
  askar_key_convert: 'int64_t askar_key_convert(void *key, const char *alg, _Out_ void **out)',
  askar_key_crypto_box:
    'int64_t askar_key_crypto_box(void *recip, void *sender, AskarByteBuffer message, AskarByteBuffer nonce, _Out_ AskarByteBuffer *out)',
  askar_key_crypto_box_open:
    'int64_t askar_key_crypto_box_open(void *recip, void *sender, AskarByteBuffer message, AskarByteBuffer nonce, _Out_ AskarByteBuffer *out)',
  askar_key_crypto_box_random_nonce: 'int64_t askar_key_crypto_box_random_nonce(_Out_ AskarByteBuffer *out)',
  askar_key_crypto_box_seal:
    'int64_t askar_key_crypto_box_seal(void *key, AskarByteBuffer message, _Out_ AskarByteBuffer *out)',
  askar_key_crypto_box_seal_open:
    'int64_t askar_key_crypto_box_seal_open(void *key, AskarByteBuffer ciphertext, _Out_ AskarByteBuffer *out)',
  askar_key_derive_ecdh_1pu:
    'int64_t askar_key_derive_ecdh_1pu(const char *alg, void *ephem, void *sender, void *recip, AskarByteBuffer alg_id, AskarByteBuffer apu, AskarByteBuffer apv, AskarByteBuffer cc_tag, int8_t receive, _Out_ void **out)',
  askar_key_derive_ecdh_es:
    'int64_t askar_key_derive_ecdh_es(const char *alg, void *ephem, void *recip, AskarByteBuffer alg_id, AskarByteBuffer apu, AskarByteBuffer apv, int8_t receive, _Out_ void **out)',
  askar_key_entry_list_count: 'int64_t askar_key_entry_list_count(void *handle, _Out_ int32_t *count)',
  askar_key_entry_list_get_algorithm:
    'int64_t askar_key_entry_list_get_algorithm(void *handle, int32_t index, _Out_ void **out)',
  askar_key_entry_list_get_metadata:
    'int64_t askar_key_entry_list_get_metadata(void *handle, int32_t index, _Out_ void **out)',
  askar_key_entry_list_get_name: 'int64_t askar_key_entry_list_get_name(void *handle, int32_t index, _Out_ void **out)',
  askar_key_entry_list_get_tags: 'int64_t askar_key_entry_list_get_tags(void *handle, int32_t index, _Out_ void **out)',
  askar_key_entry_list_load_local:
    'int64_t askar_key_entry_list_load_local(void *handle, int32_t index, _Out_ void **out)',
  askar_key_from_jwk: 'int64_t askar_key_from_jwk(AskarByteBuffer jwk, _Out_ void **out)',
  askar_key_from_key_exchange:
    'int64_t askar_key_from_key_exchange(const char *alg, void *sk, void *pk, _Out_ void **out)',
  askar_key_from_public_bytes:
    'int64_t askar_key_from_public_bytes(const char *alg, AskarByteBuffer public_key, _Out_ void **out)',
  askar_key_from_secret_bytes:
    'int64_t askar_key_from_secret_bytes(const char *alg, AskarByteBuffer secret, _Out_ void **out)',
  askar_key_from_seed:
    'int64_t askar_key_from_seed(const char *alg, AskarByteBuffer seed, const char *method, _Out_ void **out)',
  askar_key_generate:
    'int64_t askar_key_generate(const char *alg, const char *backend, int8_t ephemeral, _Out_ void **out)',
  askar_key_get_algorithm: 'int64_t askar_key_get_algorithm(void *key, _Out_ void **out)',
  askar_key_get_ephemeral: 'int64_t askar_key_get_ephemeral(void *key, _Out_ int8_t *out)',
  askar_key_get_jwk_public: 'int64_t askar_key_get_jwk_public(void *key, const char *alg, _Out_ void **out)',
  askar_key_get_jwk_secret: 'int64_t askar_key_get_jwk_secret(void *key, _Out_ AskarByteBuffer *out)',
  askar_key_get_jwk_thumbprint: 'int64_t askar_key_get_jwk_thumbprint(void *key, const char *alg, _Out_ void **out)',
  askar_key_get_public_bytes: 'int64_t askar_key_get_public_bytes(void *key, _Out_ AskarByteBuffer *out)',
  askar_key_get_secret_bytes: 'int64_t askar_key_get_secret_bytes(void *key, _Out_ AskarByteBuffer *out)',
  askar_key_sign_message:
    'int64_t askar_key_sign_message(void *key, AskarByteBuffer message, const char *sig_type, _Out_ AskarByteBuffer *out)',
  askar_key_unwrap_key:
    'int64_t askar_key_unwrap_key(void *key, const char *alg, AskarByteBuffer ciphertext, AskarByteBuffer nonce, AskarByteBuffer tag, _Out_ void **out)',
  askar_key_verify_signature:
    'int64_t askar_key_verify_signature(void *key, AskarByteBuffer message, AskarByteBuffer signature, const char *sig_type, _Out_ int8_t *out)',
  askar_key_wrap_key:
    'int64_t askar_key_wrap_key(void *key, void *other, AskarByteBuffer nonce, _Out_ AskarEncryptedBuffer *out)',
  askar_key_get_supported_backends: 'int64_t askar_key_get_supported_backends(_Out_ void **out)',
  askar_scan_free: 'int64_t askar_scan_free(size_t handle)',
  askar_scan_next: 'int64_t askar_scan_next(size_t handle, AskarCbPointer *cb, int64_t cb_id)',
  askar_scan_start:
    'int64_t askar_scan_start(size_t store, const char *profile, const char *category, const char *tag_filter, int64_t offset, int64_t limit, const char *order_by, int8_t descending, AskarCbHandle *cb, int64_t cb_id)',
  askar_session_close: 'int64_t askar_session_close(size_t session, int8_t commit, AskarCbVoid *cb, int64_t cb_id)',
  askar_session_count:
    'int64_t askar_session_count(size_t session, const char *category, const char *tag_filter, AskarCbInt64 *cb, int64_t cb_id)',
  askar_session_fetch:
    'int64_t askar_session_fetch(size_t session, const char *category, const char *name, int8_t for_update, AskarCbPointer *cb, int64_t cb_id)',
  askar_session_fetch_all:
    'int64_t askar_session_fetch_all(size_t session, const char *category, const char *tag_filter, int64_t limit, const char *order_by, int8_t descending, int8_t for_update, AskarCbPointer *cb, int64_t cb_id)',
  askar_session_fetch_all_keys:
    'int64_t askar_session_fetch_all_keys(size_t session, const char *alg, const char *thumbprint, const char *tag_filter, int64_t limit, int8_t for_update, AskarCbPointer *cb, int64_t cb_id)',
  askar_session_fetch_key:
    'int64_t askar_session_fetch_key(size_t session, const char *name, int8_t for_update, AskarCbPointer *cb, int64_t cb_id)',
  askar_session_insert_key:
    'int64_t askar_session_insert_key(size_t session, void *key, const char *name, const char *metadata, const char *tags, int64_t expiry_ms, AskarCbVoid *cb, int64_t cb_id)',
  askar_session_remove_all:
    'int64_t askar_session_remove_all(size_t session, const char *category, const char *tag_filter, AskarCbInt64 *cb, int64_t cb_id)',
  askar_session_remove_key:
    'int64_t askar_session_remove_key(size_t session, const char *name, AskarCbVoid *cb, int64_t cb_id)',
  askar_session_start:
    'int64_t askar_session_start(size_t store, const char *profile, int8_t as_transaction, AskarCbHandle *cb, int64_t cb_id)',
  askar_session_update:
    'int64_t askar_session_update(size_t session, int8_t operation, const char *category, const char *name, AskarByteBuffer value, const char *tags, int64_t expiry_ms, AskarCbVoid *cb, int64_t cb_id)',
  askar_session_update_key:
    'int64_t askar_session_update_key(size_t session, const char *name, const char *metadata, const char *tags, int64_t expiry_ms, AskarCbVoid *cb, int64_t cb_id)',
  askar_store_close: 'int64_t askar_store_close(size_t store, AskarCbVoid *cb, int64_t cb_id)',
  askar_store_copy:
    'int64_t askar_store_copy(size_t store, const char *target_uri, const char *key_method, const char *pass_key, int8_t recreate, AskarCbHandle *cb, int64_t cb_id)',
  askar_store_copy_profile:
    'int64_t askar_store_copy_profile(size_t from_store, size_t to_store, const char *from_profile, const char *to_profile, AskarCbVoid *cb, int64_t cb_id)',
  askar_store_create_profile:
    'int64_t askar_store_create_profile(size_t store, const char *profile, AskarCbPointer *cb, int64_t cb_id)',
  askar_store_generate_raw_key: 'int64_t askar_store_generate_raw_key(AskarByteBuffer seed, _Out_ void **out)',
  askar_store_get_default_profile:
    'int64_t askar_store_get_default_profile(size_t store, AskarCbPointer *cb, int64_t cb_id)',
  askar_store_get_profile_name: 'int64_t askar_store_get_profile_name(size_t store, AskarCbPointer *cb, int64_t cb_id)',
  askar_store_list_profiles: 'int64_t askar_store_list_profiles(size_t store, AskarCbPointer *cb, int64_t cb_id)',
  askar_store_open:
    'int64_t askar_store_open(const char *uri, const char *key_method, const char *pass_key, const char *profile, AskarCbHandle *cb, int64_t cb_id)',
  askar_store_provision:
    'int64_t askar_store_provision(const char *uri, const char *key_method, const char *pass_key, const char *profile, int8_t recreate, AskarCbHandle *cb, int64_t cb_id)',
  askar_store_rekey:
    'int64_t askar_store_rekey(size_t store, const char *key_method, const char *pass_key, AskarCbVoid *cb, int64_t cb_id)',
  askar_store_remove: 'int64_t askar_store_remove(const char *uri, AskarCbInt8 *cb, int64_t cb_id)',
  askar_store_remove_profile:
    'int64_t askar_store_remove_profile(size_t store, const char *profile, AskarCbInt8 *cb, int64_t cb_id)',
  askar_store_rename_profile:
    'int64_t askar_store_rename_profile(size_t store, const char *from_profile, const char *to_profile, AskarCbInt8 *cb, int64_t cb_id)',
  askar_store_set_default_profile:
    'int64_t askar_store_set_default_profile(size_t store, const char *profile, AskarCbVoid *cb, int64_t cb_id)',
  askar_migrate_indy_sdk:
    'int64_t askar_migrate_indy_sdk(const char *spec_uri, const char *wallet_name, const char *wallet_key, const char *kdf_level, AskarCbVoid *cb, int64_t cb_id)',
} as const

const PROCEDURES = {
  askar_version: 'void *askar_version()',
  askar_string_free: 'void askar_string_free(void *s)',
  askar_buffer_free: 'void askar_buffer_free(AskarByteBuffer buffer)',
  askar_clear_custom_logger: 'void askar_clear_custom_logger()',
  askar_entry_list_free: 'void askar_entry_list_free(void *handle)',
  askar_key_entry_list_free: 'void askar_key_entry_list_free(void *handle)',
  askar_string_list_free: 'void askar_string_list_free(void *handle)',
  askar_key_free: 'void askar_key_free(void *handle)',
} as const

/** Returns an Askar ErrorCode (0 = success); arguments are checked by koffi against the prototype. */
export type NativeCall = (...args: unknown[]) => number
export type NativeProcedure = (...args: unknown[]) => unknown

export type NativeAskar = { [K in keyof typeof CALLS]: NativeCall } & {
  [K in keyof typeof PROCEDURES]: NativeProcedure
}

export function loadNativeAskar(file = askarLibraryPath()): NativeAskar {
  ffiTypes() // the prototypes below refer to the struct and callback types by name
  let lib: ReturnType<typeof koffi.load>
  try {
    lib = koffi.load(file)
  } catch (error) {
    throw new Error(`Askar: could not load ${file}: ${(error as Error).message}. Run \`npm run setup:askar\`.`, {
      cause: error,
    })
  }
  const native: Record<string, NativeProcedure> = {}
  // int64_t results come back as JS numbers while they are safe integers, which error codes always are.
  for (const [name, prototype] of Object.entries({ ...CALLS, ...PROCEDURES })) native[name] = lib.func(prototype)
  return native as NativeAskar
}
