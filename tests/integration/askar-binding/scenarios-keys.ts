import { Jwk, KeyAlgorithm, type Askar, type LocalKeyHandle } from '@openwallet-foundation/askar-shared'

import { type Scenario, attempt, bytes, fill, hex, text } from './harness'

// Secret sizes per algorithm, so keys can be rebuilt from the same bytes in both bindings.
export const SECRET_SIZES: Partial<Record<KeyAlgorithm, number>> = {
  [KeyAlgorithm.Ed25519]: 32,
  [KeyAlgorithm.X25519]: 32,
  [KeyAlgorithm.EcSecp256k1]: 32,
  [KeyAlgorithm.EcSecp256r1]: 32,
  [KeyAlgorithm.EcSecp384r1]: 48,
  [KeyAlgorithm.AesA128Gcm]: 16,
  [KeyAlgorithm.AesA256Gcm]: 32,
  [KeyAlgorithm.AesA128CbcHs256]: 32,
  [KeyAlgorithm.AesA256CbcHs512]: 64,
  [KeyAlgorithm.AesA128Kw]: 16,
  [KeyAlgorithm.AesA256Kw]: 32,
  [KeyAlgorithm.Chacha20C20P]: 32,
  [KeyAlgorithm.Chacha20XC20P]: 32,
}

export function fixedKey(askar: Askar, algorithm: KeyAlgorithm, start = 1): LocalKeyHandle {
  return askar.keyFromSecretBytes({ algorithm, secretKey: fill(SECRET_SIZES[algorithm] ?? 32, start) })
}

function describe(askar: Askar, localKeyHandle: LocalKeyHandle) {
  const algorithm = askar.keyGetAlgorithm({ localKeyHandle })
  return {
    algorithm,
    ephemeral: askar.keyGetEphemeral({ localKeyHandle }),
    publicBytes: attemptSync(() => hex(askar.keyGetPublicBytes({ localKeyHandle }))),
    secretBytes: attemptSync(() => hex(askar.keyGetSecretBytes({ localKeyHandle }))),
    jwkPublic: attemptSync(() => JSON.parse(askar.keyGetJwkPublic({ localKeyHandle, algorithm }))),
    jwkSecret: attemptSync(() => JSON.parse(text(askar.keyGetJwkSecret({ localKeyHandle })))),
    thumbprint: attemptSync(() => askar.keyGetJwkThumbprint({ localKeyHandle, algorithm })),
  }
}

export function attemptSync<T>(fn: () => T): T | { code: number } {
  try {
    return fn()
  } catch (error) {
    return { code: (error as { code: number }).code }
  }
}

export const keyScenarios: Record<string, Scenario> = {
  'keys from secret bytes, with JWK and bytes': (askar) => {
    const t: Record<string, unknown> = {}
    for (const algorithm of Object.keys(SECRET_SIZES) as KeyAlgorithm[]) {
      const k = fixedKey(askar, algorithm)
      t[algorithm] = describe(askar, k)
      askar.keyFree({ localKeyHandle: k })
    }
    return t
  },

  'keys from seed': async (askar) => {
    const seed = bytes('a fixed seed of thirty-two bytes')
    const t: Record<string, unknown> = {}
    const cases: Array<[KeyAlgorithm, string]> = [
      [KeyAlgorithm.Ed25519, ''],
      [KeyAlgorithm.X25519, ''],
      [KeyAlgorithm.EcSecp256r1, ''],
      [KeyAlgorithm.Bls12381G1, 'bls_keygen'],
      [KeyAlgorithm.Bls12381G2, 'bls_keygen'],
      [KeyAlgorithm.Ed25519, 'no_such_method'],
    ]
    for (const [algorithm, method] of cases) {
      t[`${algorithm}:${method}`] = await attempt(() => {
        const k = askar.keyFromSeed({ algorithm, seed, method })
        const described = describe(askar, k)
        askar.keyFree({ localKeyHandle: k })
        return described
      })
    }
    return t
  },

  'random keys, public bytes and JWK round trips': (askar) => {
    const t: Record<string, unknown> = {}
    for (const algorithm of [
      KeyAlgorithm.Ed25519,
      KeyAlgorithm.X25519,
      KeyAlgorithm.EcSecp256r1,
      KeyAlgorithm.EcSecp384r1,
      KeyAlgorithm.AesA256Gcm,
    ]) {
      for (const ephemeral of [false, true]) {
        const k = askar.keyGenerate({ algorithm, ephemeral })
        const publicBytes = attemptSync(() => askar.keyGetPublicBytes({ localKeyHandle: k }))
        const secret = askar.keyGetJwkSecret({ localKeyHandle: k })
        // askar-shared's Jwk keeps kty/crv/x/y/d only, so symmetric ("oct") keys cannot go through it.
        const jwkParts = Object.keys(JSON.parse(text(secret))).sort()
        let sameSecret: unknown = 'not an asymmetric key'
        if (publicBytes instanceof Uint8Array) {
          const fromJwk = askar.keyFromJwk({ jwk: Jwk.fromString(text(secret)) })
          sameSecret =
            hex(askar.keyGetSecretBytes({ localKeyHandle: fromJwk })) ===
            hex(askar.keyGetSecretBytes({ localKeyHandle: k }))
          askar.keyFree({ localKeyHandle: fromJwk })
        }
        let publicRoundTrip: unknown = null
        if (publicBytes instanceof Uint8Array) {
          const fromPublic = askar.keyFromPublicBytes({ algorithm, publicKey: publicBytes })
          const fromPublicJwk = askar.keyFromJwk({
            jwk: Jwk.fromString(askar.keyGetJwkPublic({ localKeyHandle: k, algorithm })),
          })
          publicRoundTrip = {
            bytes: hex(askar.keyGetPublicBytes({ localKeyHandle: fromPublic })) === hex(publicBytes),
            jwk: hex(askar.keyGetPublicBytes({ localKeyHandle: fromPublicJwk })) === hex(publicBytes),
            secretOfPublic: attemptSync(() => askar.keyGetSecretBytes({ localKeyHandle: fromPublic }).length),
          }
          askar.keyFree({ localKeyHandle: fromPublic })
          askar.keyFree({ localKeyHandle: fromPublicJwk })
        }
        t[`${algorithm}:${ephemeral}`] = {
          algorithm: askar.keyGetAlgorithm({ localKeyHandle: k }),
          ephemeral: askar.keyGetEphemeral({ localKeyHandle: k }),
          publicLength: publicBytes instanceof Uint8Array ? publicBytes.length : publicBytes,
          jwkParts,
          sameSecret,
          publicRoundTrip,
        }
        askar.keyFree({ localKeyHandle: k })
      }
    }
    t.badAlgorithm = attemptSync(() => askar.keyGenerate({ algorithm: 'rot13' as KeyAlgorithm, ephemeral: false }))
    t.badSecretLength = attemptSync(() =>
      askar.keyFromSecretBytes({ algorithm: KeyAlgorithm.Ed25519, secretKey: fill(7) }),
    )
    t.badPublic = attemptSync(() =>
      askar.keyFromPublicBytes({ algorithm: KeyAlgorithm.EcSecp256r1, publicKey: fill(33) }),
    )
    t.badJwk = attemptSync(() => askar.keyFromJwk({ jwk: new Jwk({ kty: 'OKP', crv: 'Nope', x: 'AA' }) }))
    t.backendSoftware = attemptSync(() => {
      const k = askar.keyGenerate({
        algorithm: KeyAlgorithm.Ed25519,
        keyBackend: 'software' as never,
        ephemeral: false,
      })
      askar.keyFree({ localKeyHandle: k })
      return 'ok'
    })
    return t
  },

  'key conversion and key exchange': (askar) => {
    const ed = fixedKey(askar, KeyAlgorithm.Ed25519)
    const x = askar.keyConvert({ localKeyHandle: ed, algorithm: KeyAlgorithm.X25519 })
    const other = fixedKey(askar, KeyAlgorithm.X25519, 9)
    const exchanged = askar.keyFromKeyExchange({ algorithm: KeyAlgorithm.AesA256Gcm, skHandle: x, pkHandle: other })
    const t = {
      converted: describe(askar, x),
      exchanged: hex(askar.keyGetSecretBytes({ localKeyHandle: exchanged })),
      badConversion: attemptSync(() => askar.keyConvert({ localKeyHandle: ed, algorithm: KeyAlgorithm.EcSecp256r1 })),
      badExchange: attemptSync(() =>
        askar.keyFromKeyExchange({ algorithm: KeyAlgorithm.AesA256Gcm, skHandle: ed, pkHandle: other }),
      ),
    }
    for (const k of [ed, x, other, exchanged]) askar.keyFree({ localKeyHandle: k })
    return t
  },

  'sign and verify': (askar) => {
    const message = bytes('the person decides who sees this')
    const t: Record<string, unknown> = {}
    const cases: Array<[KeyAlgorithm, string | undefined]> = [
      [KeyAlgorithm.Ed25519, undefined],
      [KeyAlgorithm.Ed25519, 'eddsa'],
      [KeyAlgorithm.EcSecp256r1, 'es256'],
      [KeyAlgorithm.EcSecp256k1, 'es256k'],
      [KeyAlgorithm.EcSecp384r1, 'es384'],
      [KeyAlgorithm.EcSecp256r1, 'eddsa'],
      [KeyAlgorithm.X25519, undefined],
    ]
    for (const [algorithm, sigType] of cases) {
      const k = fixedKey(askar, algorithm, 3)
      const options = { localKeyHandle: k, sigType: sigType as never }
      t[`${algorithm}:${sigType}`] = attemptSync(() => {
        const signature = askar.keySignMessage({ ...options, message })
        const tampered = Uint8Array.from(signature)
        tampered[0] ^= 1
        return {
          signature: hex(signature),
          verifies: askar.keyVerifySignature({ ...options, message, signature }),
          otherMessage: askar.keyVerifySignature({ ...options, message: bytes('something else'), signature }),
          tampered: askar.keyVerifySignature({ ...options, message, signature: tampered }),
          shortSignature: attemptSync(() =>
            askar.keyVerifySignature({ ...options, message, signature: signature.slice(0, 10) }),
          ),
          emptyMessage: hex(askar.keySignMessage({ ...options, message: new Uint8Array(0) })),
        }
      })
      askar.keyFree({ localKeyHandle: k })
    }
    return t
  },
}
