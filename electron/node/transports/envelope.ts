import type { DidCommEncryptedMessage } from '@credo-ts/didcomm'

export type EnvelopeCheck = { ok: true; message: DidCommEncryptedMessage } | { ok: false; reason: string }

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/
const MAX_RECIPIENTS = 100
const MAX_KID_LENGTH = 256

/**
 * Checks that a body is a DIDComm v1 packed envelope before it reaches the agent. Plaintext messages
 * are refused here: over a network transport only encrypted envelopes are legitimate, and the agent
 * would otherwise dispatch an unauthenticated message to its handlers.
 */
export function checkEnvelope(body: string): EnvelopeCheck {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return { ok: false, reason: 'body is not JSON' }
  }
  if (!isObject(parsed)) return { ok: false, reason: 'body is not a JSON object' }
  const { protected: protectedHeader, iv, ciphertext, tag } = parsed
  for (const [name, value] of Object.entries({ protected: protectedHeader, iv, ciphertext, tag })) {
    if (typeof value !== 'string' || value.length === 0 || !BASE64.test(value)) {
      return { ok: false, reason: `envelope field ${name} is missing or not base64` }
    }
  }
  if (decodedLength(iv as string) !== 12 && decodedLength(iv as string) !== 24) {
    return { ok: false, reason: 'envelope iv has a wrong length' }
  }
  if (decodedLength(tag as string) !== 16) return { ok: false, reason: 'envelope tag has a wrong length' }
  const header = parseProtected(protectedHeader as string)
  if (!header) return { ok: false, reason: 'envelope protected header is not valid' }
  return { ok: true, message: parsed as DidCommEncryptedMessage }
}

// What DIDComm v1 (Aries RFC 0019) puts in the protected header; Askar's unpack knows nothing else,
// and anything else is text an attacker chose that would travel on into errors and logs.
const ALGS = ['Authcrypt', 'Anoncrypt']
const ENCS = ['xchacha20poly1305_ietf', 'chacha20poly1305_ietf']
const TYPS = ['JWM/1.0', undefined]
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/
const MAX_FIELD_LENGTH = 512

function parseProtected(value: string): Record<string, unknown> | undefined {
  let header: unknown
  try {
    header = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (!isObject(header) || !ALGS.includes(header.alg as string) || !ENCS.includes(header.enc as string))
    return undefined
  if (!TYPS.includes(header.typ as string | undefined)) return undefined
  const recipients = header.recipients
  if (!Array.isArray(recipients) || recipients.length === 0 || recipients.length > MAX_RECIPIENTS) return undefined
  return recipients.every((recipient) => wellFormedRecipient(recipient, header.alg === 'Authcrypt'))
    ? header
    : undefined
}

function wellFormedRecipient(recipient: unknown, authcrypt: boolean): boolean {
  if (!isObject(recipient) || !isObject(recipient.header) || !isBase64Field(recipient.encrypted_key)) return false
  const { kid, sender, iv } = recipient.header
  if (typeof kid !== 'string' || kid.length === 0 || kid.length > MAX_KID_LENGTH || !BASE58.test(kid)) return false
  // Authcrypt carries the sealed sender key and its nonce; Anoncrypt carries neither.
  if (authcrypt) return isBase64Field(sender) && isBase64Field(iv)
  return sender === undefined && iv === undefined
}

function isBase64Field(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_FIELD_LENGTH && BASE64.test(value)
}

function decodedLength(value: string): number {
  return Buffer.from(value, 'base64url').length
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
