import crypto from 'node:crypto'

import express from 'express'

import { decryptJwe, responseEncryptionKey } from './independentJwe'
import { serve } from './plainAgents'

// An OpenID4VP 1.0 verifier written from the specifications with node:crypto only: not Credo, not
// @openid4vc/*, not an SD-JWT library. It signs its request object (JAR, `decentralized_identifier`
// client id with an Ed25519 did:key), takes a `direct_post` answer or a `direct_post.jwt` one (a JWE it
// decrypts itself, independentJwe.ts) and checks the SD-JWT VC itself.

const b64u = (data: Buffer | string) => Buffer.from(data).toString('base64url')
const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'ascii').digest()
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

function base58(bytes: Buffer): string {
  let value = BigInt(`0x${bytes.toString('hex')}`)
  let out = ''
  while (value > 0n) {
    out = ALPHABET[Number(value % 58n)] + out
    value /= 58n
  }
  for (const byte of bytes)
    if (byte === 0) out = `1${out}`
    else break
  return out
}

function unbase58(text: string): Buffer {
  let value = 0n
  for (const char of text) value = value * 58n + BigInt(ALPHABET.indexOf(char))
  const hex = value.toString(16)
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')
}

/** The Ed25519 key a did:key names (multicodec 0xed01, base58btc). */
function didKeyPublicKey(did: string): crypto.KeyObject {
  const raw = unbase58(did.replace(/^did:key:z/, '').split('#')[0])
  if (raw[0] !== 0xed || raw[1] !== 0x01) throw new Error(`not an Ed25519 did:key: ${did}`)
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64u(raw.subarray(2)) }, format: 'jwk' })
}

/** An issuer's key from its DID: an Ed25519 did:key, or a did:jwk (the DID is the base64url of the JWK). */
function issuerPublicKey(did: string): crypto.KeyObject {
  if (!did.startsWith('did:jwk:')) return didKeyPublicKey(did)
  const jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length).split('#')[0], 'base64url').toString())
  return crypto.createPublicKey({ key: jwk as crypto.JsonWebKey, format: 'jwk' })
}

function verifyJws(jws: string, key: crypto.KeyObject): Record<string, unknown> {
  const [header, payload, signature] = jws.split('.')
  const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg: string }
  const data = Buffer.from(`${header}.${payload}`)
  const sig = Buffer.from(signature, 'base64url')
  const ok =
    alg === 'EdDSA'
      ? crypto.verify(null, data, key, sig)
      : alg === 'ES256' && crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig)
  if (!ok) throw new Error(`signature does not hold (${alg})`)
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>
}

export interface Checked {
  claims: Record<string, unknown>
  issuer: string
}

/** An SD-JWT VC presentation checked as SD-JWT (RFC 9901) and OpenID4VP 1.0 say: issuer, disclosures, key binding. */
function checkSdJwt(presentation: string, nonce: string, audience: string): Checked {
  const parts = presentation.split('~')
  const [issuerJwt, ...rest] = parts
  const kbJwt = rest.pop() as string
  const disclosures = rest
  const payload = JSON.parse(Buffer.from(issuerJwt.split('.')[1], 'base64url').toString()) as Record<string, unknown>
  const issuer = String(payload.iss)
  verifyJws(issuerJwt, issuerPublicKey(issuer))
  const digests = new Set(payload._sd as string[])
  const claims: Record<string, unknown> = {}
  for (const disclosure of disclosures) {
    if (!digests.has(b64u(sha256(disclosure)))) throw new Error('a disclosure the issuer did not sign')
    const [, name, value] = JSON.parse(Buffer.from(disclosure, 'base64url').toString()) as [string, string, unknown]
    claims[name] = value
  }
  const cnf = (payload.cnf as { jwk: crypto.JsonWebKey }).jwk
  const kb = verifyJws(kbJwt, crypto.createPublicKey({ key: cnf, format: 'jwk' }))
  if (kb.nonce !== nonce) throw new Error('key binding for another nonce')
  if (kb.aud !== audience) throw new Error(`key binding for another audience (${String(kb.aud)})`)
  if (kb.sd_hash !== b64u(sha256(`${parts.slice(0, -1).join('~')}~`)))
    throw new Error('key binding over other disclosures')
  return { claims, issuer }
}

/** The verifier: one signed DCQL request per `ask`, and what it accepted per state. */
export async function startIndependentVerifier(name: string) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519')
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url')
  const did = `did:key:z${base58(Buffer.concat([Buffer.from([0xed, 0x01]), raw]))}`
  const clientId = `decentralized_identifier:${did}`
  const requests = new Map<string, { jwt: string; nonce: string; encrypted: boolean }>()
  const encryption = responseEncryptionKey()
  /** The JWE header of each encrypted answer, by state. */
  const jweHeaders = new Map<string, Record<string, unknown>>()
  const accepted = new Map<string, Record<string, Checked[]>>()
  const refused = new Map<string, string>()
  /** Every answer body as it arrived: the wire. */
  const bodies: Record<string, unknown>[] = []
  const app = express()
  app.use(express.urlencoded({ extended: false }))
  const served = await serve(app)
  app.get('/request/:state', (req, res) => {
    const request = requests.get(req.params.state)
    if (!request) return void res.status(404).end()
    res.type('application/oauth-authz-req+jwt').send(request.jwt)
  })
  app.post('/response', (req, res) => {
    bodies.push({ ...(req.body as Record<string, unknown>) })
    let answer: { state?: string; vp_token?: unknown }
    let header: Record<string, unknown> | undefined
    try {
      const { response } = req.body as { response?: string }
      if (response) ({ header, payload: answer } = decryptJwe(response, encryption.privateKey))
      else answer = req.body as typeof answer
    } catch (error) {
      return void res.status(400).json({ error: 'invalid_request', error_description: (error as Error).message })
    }
    const { state, vp_token: vpToken } = answer
    const request = state ? requests.get(state) : undefined
    if (!request || !vpToken) return void res.status(400).json({ error: 'invalid_request' })
    try {
      // §8.3: a request that asked for an encrypted answer takes no answer in the clear.
      if (request.encrypted && !header) throw new Error('an answer in the clear to a request that asked for a JWE')
      if (header) jweHeaders.set(state!, header)
      const tokens = (typeof vpToken === 'string' ? JSON.parse(vpToken) : vpToken) as Record<string, string[]>
      const checked = Object.fromEntries(
        Object.entries(tokens).map(([id, list]) => [id, list.map((vp) => checkSdJwt(vp, request.nonce, clientId))]),
      )
      accepted.set(state!, checked)
      res.json({})
    } catch (error) {
      refused.set(state!, (error as Error).message)
      res.status(400).json({ error: 'invalid_request', error_description: (error as Error).message })
    }
  })

  /** `encrypted`: ask for a JWE (direct_post.jwt) with these content encryptions, in preference order. */
  function ask(dcqlQuery: object, verifierInfo?: object[], encs?: string[]): { link: string; state: string } {
    const encrypted = Boolean(encs)
    const state = b64u(crypto.randomBytes(16))
    const nonce = b64u(crypto.randomBytes(24))
    const header = { alg: 'EdDSA', typ: 'oauth-authz-req+jwt', kid: `${did}#${did.slice('did:key:'.length)}` }
    const payload = {
      client_id: clientId,
      response_type: 'vp_token',
      response_mode: encrypted ? 'direct_post.jwt' : 'direct_post',
      response_uri: `${served.baseUrl}/response`,
      aud: 'https://self-issued.me/v2',
      nonce,
      state,
      dcql_query: dcqlQuery,
      ...(verifierInfo ? { verifier_info: verifierInfo } : {}),
      client_metadata: {
        client_name: name,
        ...(encs ? encryption.clientMetadata(encs) : {}),
        vp_formats_supported: {
          'dc+sd-jwt': { 'sd-jwt_alg_values': ['EdDSA', 'ES256'], 'kb-jwt_alg_values': ['EdDSA', 'ES256'] },
        },
      },
      iat: Math.floor(Date.now() / 1000),
    }
    const signingInput = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`
    const jwt = `${signingInput}.${b64u(crypto.sign(null, Buffer.from(signingInput), privateKey))}`
    requests.set(state, { jwt, nonce, encrypted })
    const requestUri = `${served.baseUrl}/request/${state}`
    return {
      link: `openid4vp://?client_id=${encodeURIComponent(clientId)}&request_uri=${encodeURIComponent(requestUri)}`,
      state,
    }
  }

  return { did, clientId, ask, accepted, refused, bodies, jweHeaders, close: served.close }
}
