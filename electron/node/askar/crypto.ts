import { AeadParams, type EncryptedBuffer, type LocalKeyHandle } from '@openwallet-foundation/askar-shared'
import type {
  Argon2DerivePasswordOptions,
  KeyAeadDecryptOptions,
  KeyAeadEncryptOptions,
  KeyAeadGetPaddingOptions,
  KeyAeadGetParamsOptions,
  KeyAeadRandomNonceOptions,
  KeyCryptoBoxOpenOptions,
  KeyCryptoBoxOptions,
  KeyCryptoBoxSealOpenOptions,
  KeyCryptoBoxSealOptions,
  KeyDeriveEcdh1puOptions,
  KeyDeriveEcdhEsOptions,
  KeyUnwrapKeyOptions,
  KeyWrapKeyOptions,
} from '@openwallet-foundation/askar-shared'

import type { RawAeadParams, RawEncryptedBuffer } from './ffi-types'
import { KoffiAskarKeys } from './keys'
import { byteBuffer, flag, keyPointer, pointerOf, takeEncryptedBuffer } from './memory'

/** AEAD, key wrapping, crypto_box, ECDH-ES / ECDH-1PU and Argon2. */
export class KoffiAskarCrypto extends KoffiAskarKeys {
  keyAeadGetParams({ localKeyHandle }: KeyAeadGetParamsOptions): AeadParams {
    const out: Partial<RawAeadParams> = {}
    this.handleError(this.native.askar_key_aead_get_params(pointerOf(localKeyHandle), out))
    return new AeadParams({ nonceLength: out.nonce_length ?? 0, tagLength: out.tag_length ?? 0 })
  }

  keyAeadGetPadding({ localKeyHandle, msgLen }: KeyAeadGetPaddingOptions): number {
    return this.outNumber((out) => this.native.askar_key_aead_get_padding(pointerOf(localKeyHandle), msgLen, out))
  }

  keyAeadRandomNonce({ localKeyHandle }: KeyAeadRandomNonceOptions): Uint8Array {
    return this.outBuffer((out) => this.native.askar_key_aead_random_nonce(pointerOf(localKeyHandle), out))
  }

  keyAeadEncrypt({ localKeyHandle, message, nonce, aad }: KeyAeadEncryptOptions): EncryptedBuffer {
    const key = pointerOf(localKeyHandle)
    return this.outEncrypted((out) =>
      this.native.askar_key_aead_encrypt(key, byteBuffer(message), byteBuffer(nonce), byteBuffer(aad), out),
    )
  }

  keyAeadDecrypt({ localKeyHandle, ciphertext, nonce, tag, aad }: KeyAeadDecryptOptions): Uint8Array {
    const key = pointerOf(localKeyHandle)
    const args = [byteBuffer(ciphertext), byteBuffer(nonce), byteBuffer(tag), byteBuffer(aad)]
    return this.outBuffer((out) => this.native.askar_key_aead_decrypt(key, ...args, out))
  }

  keyWrapKey({ localKeyHandle, other, nonce }: KeyWrapKeyOptions): EncryptedBuffer {
    const [key, wrapped] = [pointerOf(localKeyHandle), pointerOf(other)]
    return this.outEncrypted((out) => this.native.askar_key_wrap_key(key, wrapped, byteBuffer(nonce), out))
  }

  keyUnwrapKey({ localKeyHandle, algorithm, ciphertext, nonce, tag }: KeyUnwrapKeyOptions): LocalKeyHandle {
    const key = pointerOf(localKeyHandle)
    const args = [byteBuffer(ciphertext), byteBuffer(nonce), byteBuffer(tag)]
    return this.outLocalKey((out) => this.native.askar_key_unwrap_key(key, algorithm, ...args, out))
  }

  keyCryptoBoxRandomNonce(): Uint8Array {
    return this.outBuffer((out) => this.native.askar_key_crypto_box_random_nonce(out))
  }

  keyCryptoBox({ recipientKey, senderKey, message, nonce }: KeyCryptoBoxOptions): Uint8Array {
    const [recipient, sender] = [keyPointer(recipientKey), keyPointer(senderKey)]
    return this.outBuffer((out) =>
      this.native.askar_key_crypto_box(recipient, sender, byteBuffer(message), byteBuffer(nonce), out),
    )
  }

  keyCryptoBoxOpen({ recipientKey, senderKey, message, nonce }: KeyCryptoBoxOpenOptions): Uint8Array {
    const [recipient, sender] = [keyPointer(recipientKey), keyPointer(senderKey)]
    return this.outBuffer((out) =>
      this.native.askar_key_crypto_box_open(recipient, sender, byteBuffer(message), byteBuffer(nonce), out),
    )
  }

  keyCryptoBoxSeal({ localKeyHandle, message }: KeyCryptoBoxSealOptions): Uint8Array {
    const key = pointerOf(localKeyHandle)
    return this.outBuffer((out) => this.native.askar_key_crypto_box_seal(key, byteBuffer(message), out))
  }

  keyCryptoBoxSealOpen({ localKeyHandle, ciphertext }: KeyCryptoBoxSealOpenOptions): Uint8Array {
    const key = pointerOf(localKeyHandle)
    return this.outBuffer((out) => this.native.askar_key_crypto_box_seal_open(key, byteBuffer(ciphertext), out))
  }

  keyDeriveEcdhEs(options: KeyDeriveEcdhEsOptions): LocalKeyHandle {
    const { algorithm, ephemeralKey, recipientKey, algId, apu, apv, receive } = options
    const [ephemeral, recipient] = [keyPointer(ephemeralKey), keyPointer(recipientKey)]
    const info = [byteBuffer(algId), byteBuffer(apu), byteBuffer(apv)]
    return this.outLocalKey((out) =>
      this.native.askar_key_derive_ecdh_es(algorithm, ephemeral, recipient, ...info, flag(receive), out),
    )
  }

  keyDeriveEcdh1pu(options: KeyDeriveEcdh1puOptions): LocalKeyHandle {
    const { algorithm, ephemeralKey, senderKey, recipientKey, algId, apu, apv, ccTag, receive } = options
    const keys = [keyPointer(ephemeralKey), keyPointer(senderKey), keyPointer(recipientKey)]
    const info = [byteBuffer(algId), byteBuffer(apu), byteBuffer(apv), byteBuffer(ccTag)]
    return this.outLocalKey((out) =>
      this.native.askar_key_derive_ecdh_1pu(algorithm, ...keys, ...info, flag(receive), out),
    )
  }

  argon2DerivePassword({ parameters, password, salt }: Argon2DerivePasswordOptions): Uint8Array {
    return this.outBuffer((out) =>
      this.native.askar_argon2_derive_password(parameters, byteBuffer(password), byteBuffer(salt), out),
    )
  }

  private outEncrypted(fn: (out: Partial<RawEncryptedBuffer>) => number): EncryptedBuffer {
    const out: Partial<RawEncryptedBuffer> = {}
    this.handleError(fn(out))
    const buffer = out.buffer ?? { len: 0, data: null }
    return takeEncryptedBuffer(this.native, { buffer, tag_pos: out.tag_pos ?? 0, nonce_pos: out.nonce_pos ?? 0 })
  }
}
