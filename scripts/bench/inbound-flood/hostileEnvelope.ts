import { randomBytes } from 'node:crypto'

// A base58 key id no node holds: the envelope passes every shape check and then cannot be decrypted.
const FOREIGN_KID = '8HH5gYEeNc3z7PYXmd54d4x6qAfCNrqQqEB3nS7Zfu7K'

/**
 * A DIDComm v1 Anoncrypt envelope of about `bytes` bytes that looks valid to the node's envelope check
 * but is for nobody: what an attacker floods a node with to make it keep and process junk.
 */
export function undecryptableEnvelope(bytes: number): Buffer {
  const header = {
    enc: 'xchacha20poly1305_ietf',
    typ: 'JWM/1.0',
    alg: 'Anoncrypt',
    recipients: [{ encrypted_key: randomBytes(80).toString('base64url'), header: { kid: FOREIGN_KID } }],
  }
  const frame = {
    protected: Buffer.from(JSON.stringify(header)).toString('base64url'),
    iv: randomBytes(24).toString('base64url'),
    tag: randomBytes(16).toString('base64url'),
  }
  const overhead = Buffer.byteLength(JSON.stringify({ ...frame, ciphertext: '' }))
  const ciphertext = randomBytes(Math.max(1, Math.floor(((bytes - overhead) * 3) / 4))).toString('base64url')
  return Buffer.from(JSON.stringify({ ...frame, ciphertext }))
}
