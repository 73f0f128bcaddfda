import crypto from 'node:crypto'

// The verifier's half of OpenID4VP 1.0 §8.3 (`direct_post.jwt`) from the specifications with node:crypto only:
// a P-256 key in its client metadata, and a compact JWE (RFC 7516) with `alg` ECDH-ES (direct key agreement,
// RFC 7518 §4.6: Concat KDF over the shared secret) and `enc` A128GCM or A256GCM, decrypted here.

const KEY_BITS: Record<string, number> = { A128GCM: 128, A256GCM: 256 }

/** A 32-bit big-endian length followed by the bytes (RFC 7518 §4.6.2's "Datalen || Data"). */
function withLength(data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  return Buffer.concat([length, data])
}

/** NIST SP 800-56A Concat KDF with SHA-256, as RFC 7518 §4.6.2 fixes its inputs for direct ECDH-ES. */
function concatKdf(z: Buffer, enc: string, apu: Buffer, apv: Buffer): Buffer {
  const bits = KEY_BITS[enc]
  if (!bits) throw new Error(`content encryption ${enc} is not one this verifier takes`)
  const suppPubInfo = Buffer.alloc(4)
  suppPubInfo.writeUInt32BE(bits)
  const otherInfo = Buffer.concat([
    withLength(Buffer.from(enc, 'ascii')),
    withLength(apu),
    withLength(apv),
    suppPubInfo,
  ])
  const derived: Buffer[] = []
  for (let round = 1; derived.length * 256 < bits; round++) {
    const counter = Buffer.alloc(4)
    counter.writeUInt32BE(round)
    derived.push(
      crypto
        .createHash('sha256')
        .update(Buffer.concat([counter, z, otherInfo]))
        .digest(),
    )
  }
  return Buffer.concat(derived).subarray(0, bits / 8)
}

/** The verifier's response encryption key and what it publishes of it. */
export function responseEncryptionKey() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const kid = crypto.randomUUID()
  const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'enc', alg: 'ECDH-ES' }
  return {
    privateKey,
    /** OpenID4VP 1.0 §5.1 client metadata: the key, and the content encryptions this verifier takes. */
    clientMetadata: (encs: string[]) => ({
      jwks: { keys: [publicJwk] },
      encrypted_response_enc_values_supported: encs,
    }),
  }
}

/** Decrypts a compact JWE for `privateKey`; the authentication tag covers the protected header. */
export function decryptJwe(
  jwe: string,
  privateKey: crypto.KeyObject,
): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const parts = jwe.split('.')
  if (parts.length !== 5) throw new Error('the response is not a compact JWE')
  const [protectedHeader, encryptedKey, iv, ciphertext, tag] = parts
  const header = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString()) as {
    alg?: string
    enc?: string
    epk?: crypto.JsonWebKey
    apu?: string
    apv?: string
  }
  if (header.alg !== 'ECDH-ES' || encryptedKey !== '') throw new Error(`key management ${header.alg} is not ECDH-ES`)
  if (!header.epk || header.epk.crv !== 'P-256') throw new Error('no ephemeral P-256 key in the JWE header')
  const z = crypto.diffieHellman({ privateKey, publicKey: crypto.createPublicKey({ key: header.epk, format: 'jwk' }) })
  const enc = String(header.enc)
  const key = concatKdf(z, enc, Buffer.from(header.apu ?? '', 'base64url'), Buffer.from(header.apv ?? '', 'base64url'))
  const decipher = crypto.createDecipheriv(
    enc === 'A128GCM' ? 'aes-128-gcm' : 'aes-256-gcm',
    key,
    Buffer.from(iv, 'base64url'),
  )
  decipher.setAAD(Buffer.from(protectedHeader, 'ascii'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()])
  return { header, payload: JSON.parse(plaintext.toString('utf8')) as Record<string, unknown> }
}
