import { KeyAlgorithm, type Askar } from '@openwallet-foundation/askar-shared'

import { type Scenario, bytes, encrypted, fill, hex, key, text } from './harness'
import { attemptSync, fixedKey } from './scenarios-keys'

const AEAD = [
  KeyAlgorithm.AesA128Gcm,
  KeyAlgorithm.AesA256Gcm,
  KeyAlgorithm.AesA128CbcHs256,
  KeyAlgorithm.AesA256CbcHs512,
  KeyAlgorithm.Chacha20C20P,
  KeyAlgorithm.Chacha20XC20P,
]

function x25519Pair(askar: Askar) {
  return { alice: fixedKey(askar, KeyAlgorithm.X25519, 11), bob: fixedKey(askar, KeyAlgorithm.X25519, 23) }
}

export const cryptoScenarios: Record<string, Scenario> = {
  'AEAD round trips for every algorithm': (askar) => {
    const t: Record<string, unknown> = {}
    const message = bytes('bank statement, March')
    const aad = bytes('purpose: mortgage')
    for (const algorithm of AEAD) {
      const k = fixedKey(askar, algorithm, 5)
      const params = askar.keyAeadGetParams({ localKeyHandle: k })
      const nonce = fill(params.nonceLength, 40)
      const enc = askar.keyAeadEncrypt({ localKeyHandle: k, message, nonce, aad })
      const decrypt = (tag: Uint8Array, withAad = aad) =>
        attemptSync(() =>
          text(askar.keyAeadDecrypt({ localKeyHandle: k, ciphertext: enc.ciphertext, nonce, tag, aad: withAad })),
        )
      const wrongTag = Uint8Array.from(enc.tag)
      wrongTag[0] ^= 0xff
      const random = askar.keyAeadEncrypt({ localKeyHandle: k, message })
      t[algorithm] = {
        params: { nonceLength: params.nonceLength, tagLength: params.tagLength },
        padding: [0, 1, 15, 16, 17].map((msgLen) => askar.keyAeadGetPadding({ localKeyHandle: k, msgLen })),
        randomNonceLength: askar.keyAeadRandomNonce({ localKeyHandle: k }).length,
        encrypted: encrypted(enc),
        decrypted: decrypt(enc.tag),
        combined: attemptSync(() =>
          text(askar.keyAeadDecrypt({ localKeyHandle: k, ciphertext: enc.ciphertextWithTag, nonce, aad })),
        ),
        wrongTag: decrypt(wrongTag),
        wrongAad: decrypt(enc.tag, bytes('other purpose')),
        randomRoundTrip: text(
          askar.keyAeadDecrypt({
            localKeyHandle: k,
            ciphertext: random.ciphertext,
            nonce: random.nonce,
            tag: random.tag,
          }),
        ),
        badNonce: attemptSync(() => askar.keyAeadEncrypt({ localKeyHandle: k, message, nonce: fill(3) })),
      }
      askar.keyFree({ localKeyHandle: k })
    }
    const notAead = fixedKey(askar, KeyAlgorithm.Ed25519)
    t.notAead = attemptSync(() => askar.keyAeadGetParams({ localKeyHandle: notAead }))
    askar.keyFree({ localKeyHandle: notAead })
    return t
  },

  'key wrapping': (askar) => {
    const t: Record<string, unknown> = {}
    const cek = fixedKey(askar, KeyAlgorithm.AesA256Gcm, 77)
    for (const algorithm of [KeyAlgorithm.AesA128Kw, KeyAlgorithm.AesA256Kw, KeyAlgorithm.AesA256Gcm]) {
      const kek = fixedKey(askar, algorithm, 2)
      const nonce = algorithm === KeyAlgorithm.AesA256Gcm ? fill(12, 90) : undefined
      t[algorithm] = attemptSync(() => {
        const wrapped = askar.keyWrapKey({ localKeyHandle: kek, other: cek, nonce })
        const unwrapped = askar.keyUnwrapKey({
          localKeyHandle: kek,
          algorithm: KeyAlgorithm.AesA256Gcm,
          ciphertext: wrapped.ciphertext,
          nonce: wrapped.nonce,
          tag: wrapped.tag,
        })
        const result = {
          wrapped: encrypted(wrapped),
          unwrapped: hex(askar.keyGetSecretBytes({ localKeyHandle: unwrapped })),
        }
        askar.keyFree({ localKeyHandle: unwrapped })
        return result
      })
      t[`${algorithm}:garbage`] = attemptSync(() =>
        askar.keyUnwrapKey({ localKeyHandle: kek, algorithm: KeyAlgorithm.AesA256Gcm, ciphertext: fill(40) }),
      )
      askar.keyFree({ localKeyHandle: kek })
    }
    askar.keyFree({ localKeyHandle: cek })
    return t
  },

  'crypto_box and sealed boxes': (askar) => {
    const { alice, bob } = x25519Pair(askar)
    const message = bytes('income statement 2025')
    const nonce = fill(24, 3)
    const boxed = askar.keyCryptoBox({ recipientKey: key(bob), senderKey: key(alice), message, nonce })
    const open = (recipient = bob, sender = alice, data = boxed) =>
      attemptSync(() =>
        text(askar.keyCryptoBoxOpen({ recipientKey: key(recipient), senderKey: key(sender), message: data, nonce })),
      )
    const sealed = askar.keyCryptoBoxSeal({ localKeyHandle: bob, message })
    const t = {
      randomNonceLength: askar.keyCryptoBoxRandomNonce().length,
      boxed: hex(boxed),
      opened: open(),
      openedBySenderSide: open(alice, bob),
      wrongKey: open(alice, alice),
      corrupted: open(
        bob,
        alice,
        Uint8Array.from(boxed, (b, i) => (i === 0 ? b ^ 1 : b)),
      ),
      sealedLength: sealed.length,
      unsealed: text(askar.keyCryptoBoxSealOpen({ localKeyHandle: bob, ciphertext: sealed })),
      unsealWrongKey: attemptSync(() => askar.keyCryptoBoxSealOpen({ localKeyHandle: alice, ciphertext: sealed })),
      badNonce: attemptSync(() =>
        askar.keyCryptoBox({ recipientKey: key(bob), senderKey: key(alice), message, nonce: fill(5) }),
      ),
    }
    askar.keyFree({ localKeyHandle: alice })
    askar.keyFree({ localKeyHandle: bob })
    return t
  },

  'ECDH-ES and ECDH-1PU derivations': (askar) => {
    const t: Record<string, unknown> = {}
    const info = { apu: bytes('Alice'), apv: bytes('Bob') }
    for (const curve of [KeyAlgorithm.X25519, KeyAlgorithm.EcSecp256r1]) {
      const ephemeral = fixedKey(askar, curve, 31)
      const sender = fixedKey(askar, curve, 47)
      const recipient = fixedKey(askar, curve, 59)
      const derived = (k: ReturnType<Askar['keyDeriveEcdhEs']>) => {
        const secret = hex(askar.keyGetSecretBytes({ localKeyHandle: k }))
        askar.keyFree({ localKeyHandle: k })
        return secret
      }
      const es = (receive: boolean) =>
        derived(
          askar.keyDeriveEcdhEs({
            algorithm: KeyAlgorithm.AesA256Gcm,
            ephemeralKey: key(ephemeral),
            recipientKey: key(recipient),
            algId: bytes('A256GCM'),
            ...info,
            receive,
          }),
        )
      const onePu = (algorithm: KeyAlgorithm, algId: string, ccTag?: Uint8Array) =>
        attemptSync(() =>
          derived(
            askar.keyDeriveEcdh1pu({
              algorithm,
              ephemeralKey: key(ephemeral),
              senderKey: key(sender),
              recipientKey: key(recipient),
              algId: bytes(algId),
              ...info,
              ccTag,
              receive: false,
            }),
          ),
        )
      t[curve] = {
        es: es(false),
        esReceive: es(true),
        esKw: attemptSync(() =>
          derived(
            askar.keyDeriveEcdhEs({
              algorithm: KeyAlgorithm.AesA128Kw,
              ephemeralKey: key(ephemeral),
              recipientKey: key(recipient),
              algId: bytes('ECDH-ES+A128KW'),
              ...info,
              receive: false,
            }),
          ),
        ),
        onePu: onePu(KeyAlgorithm.AesA256Gcm, 'A256GCM'),
        onePuKw: onePu(KeyAlgorithm.AesA256Kw, 'ECDH-1PU+A256KW', fill(16, 8)),
        mixedCurves: attemptSync(() =>
          askar.keyDeriveEcdhEs({
            algorithm: KeyAlgorithm.AesA256Gcm,
            ephemeralKey: key(ephemeral),
            recipientKey: key(fixedKey(askar, KeyAlgorithm.Ed25519)),
            algId: bytes('A256GCM'),
            ...info,
            receive: false,
          }),
        ),
      }
      for (const k of [ephemeral, sender, recipient]) askar.keyFree({ localKeyHandle: k })
    }
    return t
  },

  'argon2 derivation': (askar) => ({
    interactive: hex(askar.argon2DerivePassword({ parameters: 1, password: bytes('correct horse'), salt: fill(16) })),
    otherSalt: hex(askar.argon2DerivePassword({ parameters: 1, password: bytes('correct horse'), salt: fill(16, 2) })),
    badParameters: attemptSync(() =>
      askar.argon2DerivePassword({ parameters: 42, password: bytes('x'), salt: fill(16) }),
    ),
    shortSalt: attemptSync(() => askar.argon2DerivePassword({ parameters: 1, password: bytes('x'), salt: fill(2) })),
  }),
}
