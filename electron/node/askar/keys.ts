import type { LocalKeyHandle } from '@openwallet-foundation/askar-shared'
import type {
  KeyConvertOptions,
  KeyFreeOptions,
  KeyFromJwkOptions,
  KeyFromKeyExchangeOptions,
  KeyFromPublicBytesOptions,
  KeyFromSecretBytesOptions,
  KeyFromSeedOptions,
  KeyGenerateOptions,
  KeyGetAlgorithmOptions,
  KeyGetEphemeralOptions,
  KeyGetJwkPublicOptions,
  KeyGetJwkSecretOptions,
  KeyGetJwkThumbprintOptions,
  KeyGetPublicBytesOptions,
  KeyGetSecretBytesOptions,
  KeySignMessageOptions,
  KeyVerifySignatureOptions,
} from '@openwallet-foundation/askar-shared'

import { KoffiAskarEntries } from './entries'
import { byteBuffer, flag, jwkBuffer, pointerOf, str } from './memory'

/** Creating keys, reading them out (bytes, JWK) and signing. */
export class KoffiAskarKeys extends KoffiAskarEntries {
  keyGenerate({ algorithm, keyBackend, ephemeral }: KeyGenerateOptions): LocalKeyHandle {
    return this.outLocalKey((out) => this.native.askar_key_generate(algorithm, str(keyBackend), flag(ephemeral), out))
  }

  keyFromSeed({ algorithm, seed, method }: KeyFromSeedOptions): LocalKeyHandle {
    return this.outLocalKey((out) => this.native.askar_key_from_seed(algorithm, byteBuffer(seed), str(method), out))
  }

  keyFromSecretBytes({ algorithm, secretKey }: KeyFromSecretBytesOptions): LocalKeyHandle {
    return this.outLocalKey((out) => this.native.askar_key_from_secret_bytes(algorithm, byteBuffer(secretKey), out))
  }

  keyFromPublicBytes({ algorithm, publicKey }: KeyFromPublicBytesOptions): LocalKeyHandle {
    return this.outLocalKey((out) => this.native.askar_key_from_public_bytes(algorithm, byteBuffer(publicKey), out))
  }

  // Credo 0.6.3 passes the JWK as its JSON bytes (a Uint8Array), not as askar-shared's Jwk.
  keyFromJwk({ jwk }: { jwk: KeyFromJwkOptions['jwk'] | Uint8Array }): LocalKeyHandle {
    return this.outLocalKey((out) => this.native.askar_key_from_jwk(jwkBuffer(jwk), out))
  }

  keyConvert({ localKeyHandle, algorithm }: KeyConvertOptions): LocalKeyHandle {
    return this.outLocalKey((out) => this.native.askar_key_convert(pointerOf(localKeyHandle), algorithm, out))
  }

  keyFromKeyExchange({ algorithm, skHandle, pkHandle }: KeyFromKeyExchangeOptions): LocalKeyHandle {
    const [sk, pk] = [pointerOf(skHandle), pointerOf(pkHandle)]
    return this.outLocalKey((out) => this.native.askar_key_from_key_exchange(algorithm, sk, pk, out))
  }

  keyFree({ localKeyHandle }: KeyFreeOptions): void {
    this.native.askar_key_free(pointerOf(localKeyHandle))
  }

  keyGetAlgorithm({ localKeyHandle }: KeyGetAlgorithmOptions): string {
    return this.outRequiredString((out) => this.native.askar_key_get_algorithm(pointerOf(localKeyHandle), out))
  }

  keyGetEphemeral({ localKeyHandle }: KeyGetEphemeralOptions): number {
    return this.outNumber((out) => this.native.askar_key_get_ephemeral(pointerOf(localKeyHandle), out))
  }

  keyGetPublicBytes({ localKeyHandle }: KeyGetPublicBytesOptions): Uint8Array {
    return this.outBuffer((out) => this.native.askar_key_get_public_bytes(pointerOf(localKeyHandle), out))
  }

  keyGetSecretBytes({ localKeyHandle }: KeyGetSecretBytesOptions): Uint8Array {
    return this.outBuffer((out) => this.native.askar_key_get_secret_bytes(pointerOf(localKeyHandle), out))
  }

  keyGetJwkPublic({ localKeyHandle, algorithm }: KeyGetJwkPublicOptions): string {
    const key = pointerOf(localKeyHandle)
    return this.outRequiredString((out) => this.native.askar_key_get_jwk_public(key, str(algorithm), out))
  }

  keyGetJwkSecret({ localKeyHandle }: KeyGetJwkSecretOptions): Uint8Array {
    return this.outBuffer((out) => this.native.askar_key_get_jwk_secret(pointerOf(localKeyHandle), out))
  }

  keyGetJwkThumbprint({ localKeyHandle, algorithm }: KeyGetJwkThumbprintOptions): string {
    const key = pointerOf(localKeyHandle)
    return this.outRequiredString((out) => this.native.askar_key_get_jwk_thumbprint(key, str(algorithm), out))
  }

  keySignMessage({ localKeyHandle, message, sigType }: KeySignMessageOptions): Uint8Array {
    const key = pointerOf(localKeyHandle)
    return this.outBuffer((out) => this.native.askar_key_sign_message(key, byteBuffer(message), str(sigType), out))
  }

  keyVerifySignature({ localKeyHandle, message, signature, sigType }: KeyVerifySignatureOptions): boolean {
    const key = pointerOf(localKeyHandle)
    const [msg, sig] = [byteBuffer(message), byteBuffer(signature)]
    return Boolean(this.outNumber((out) => this.native.askar_key_verify_signature(key, msg, sig, str(sigType), out)))
  }

  /** Not part of the Askar interface; the reference wrapper has it too. */
  keyGetSupportedBackends(): string[] {
    const list = this.outPointer((out) => this.native.askar_key_get_supported_backends(out))
    return this.readStringList(list)
  }
}
