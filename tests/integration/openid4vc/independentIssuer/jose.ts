import crypto from 'node:crypto'

// The JOSE an issuer needs, from RFC 7515/7517/7518 with node:crypto only: compact JWS with ES256 (and the
// holder's EdDSA), keys as JWKs, and did:jwk (its DID document is the JWK itself, so anyone can resolve it).

export const b64u = (data: Buffer | string) => Buffer.from(data).toString('base64url')
export const b64uJson = (value: unknown) => b64u(JSON.stringify(value))
export const fromB64uJson = <T>(text: string): T => JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as T
export const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'ascii').digest()
export const randomToken = (bytes = 24) => b64u(crypto.randomBytes(bytes))

/** A compact JWS signed with ES256: the signature in JOSE's raw r||s form (RFC 7518 §3.4), not DER. */
export function signEs256(header: object, payload: object, privateKey: crypto.KeyObject): string {
  const input = `${b64uJson({ ...header, alg: 'ES256' })}.${b64uJson(payload)}`
  const signature = crypto.sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
  return `${input}.${b64u(signature)}`
}

/** Whether a compact JWS holds under `key`, for the algorithms a holder's proof may use. */
export function jwsHolds(jws: string, key: crypto.KeyObject): boolean {
  const [header, payload, signature] = jws.split('.')
  const { alg } = fromB64uJson<{ alg?: string }>(header)
  const data = Buffer.from(`${header}.${payload}`)
  const sig = Buffer.from(signature ?? '', 'base64url')
  if (alg === 'ES256') return crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig)
  if (alg === 'EdDSA') return crypto.verify(null, data, key, sig)
  return false
}

/** A P-256 issuer key and its did:jwk (did:jwk method: `did:jwk:` + base64url of the public JWK). */
export function issuerKey() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' })
  const did = `did:jwk:${b64uJson({ kty, crv, x, y })}`
  return { did, kid: `${did}#0`, publicKey, privateKey }
}
