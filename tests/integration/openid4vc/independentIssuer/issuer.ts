import { issuerKey, randomToken } from './jose'
import { listen, type Incoming, type Outgoing } from './http'
import {
  ALGORITHMS,
  authorizationServerMetadata,
  issuerMetadata,
  PRE_AUTHORIZED,
  RESIDENCE_CLAIMS,
  RESIDENCE_VCT,
  type IssuerOptions,
} from './metadata'
import { checkProof, InvalidProof } from './proof'
import { issueSdJwtVc } from './sdJwt'

// An OpenID4VCI 1.0 credential issuer (and its own authorization server) written from the specifications
// with node:crypto and node:http only: not Credo, not @openid4vc/*, not an SD-JWT library. Pre-authorized
// code flow (§3.5) with an optional transaction code, the nonce endpoint (§7), the credential endpoint (§8)
// issuing `dc+sd-jwt` SD-JWT VCs bound to the key of the holder's proof JWT, signed under a did:jwk.

interface Offer {
  txCode?: string
  redeemed: boolean
}

export { RESIDENCE_CLAIMS, RESIDENCE_VCT }

export async function startIndependentIssuer(name: string, options: IssuerOptions = {}) {
  const batchSize = options.batchSize ?? 1
  const key = issuerKey()
  const offers = new Map<string, Offer>()
  const offersByReference = new Map<string, object>()
  const tokens = new Set<string>()
  const refreshTokens = new Set<string>()
  const nonces = new Set<string>()
  /** Every token request's outcome and every credential issued, for the tests to see what happened. */
  const tokenRequests: { status: number }[] = []
  const issued: string[] = []
  const proofsTaken: string[] = []
  let base = ''

  function token(request: Incoming): Outgoing {
    const refuse = (description: string): Outgoing => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: description },
    })
    const grant = request.form.get('grant_type')
    if (grant === 'refresh_token' && options.refreshTokens) {
      // RFC 6749 §6; the refresh token is rotated, so each one gets one new batch.
      if (!refreshTokens.delete(request.form.get('refresh_token') ?? '')) return refuse('unknown refresh token')
      return grantTokens()
    }
    if (grant !== PRE_AUTHORIZED) return { status: 400, body: { error: 'unsupported_grant_type' } }
    const offer = offers.get(request.form.get('pre-authorized_code') ?? '')
    if (!offer || offer.redeemed) return refuse('unknown or used pre-authorized code')
    if (offer.txCode !== undefined && request.form.get('tx_code') !== offer.txCode)
      return refuse('wrong transaction code')
    offer.redeemed = true
    return grantTokens()
  }

  function grantTokens(): Outgoing {
    const accessToken = randomToken()
    tokens.add(accessToken)
    const refreshToken = options.refreshTokens ? randomToken() : undefined
    if (refreshToken) refreshTokens.add(refreshToken)
    const body = { access_token: accessToken, token_type: 'Bearer', expires_in: 300, refresh_token: refreshToken }
    return { status: 200, body }
  }

  function credential(request: Incoming): Outgoing {
    const accessToken = /^(Bearer|DPoP) (.+)$/.exec(request.headers.authorization ?? '')?.[2]
    if (!accessToken || !tokens.has(accessToken)) return { status: 401, body: { error: 'invalid_token' } }
    const {
      credential_configuration_id: configuration,
      proofs,
      proof,
    } = request.json as {
      credential_configuration_id?: string
      proofs?: { jwt?: string[] }
      proof?: { proof_type?: string; jwt?: string }
    }
    if (configuration !== 'residence') return { status: 400, body: { error: 'unknown_credential_configuration' } }
    const jwts = proofs?.jwt ?? (proof?.jwt ? [proof.jwt] : [])
    if (jwts.length < 1 || jwts.length > batchSize) {
      return { status: 400, body: { error: 'invalid_proof', error_description: `1 to ${batchSize} proofs` } }
    }
    // The proofs of one request carry the nonce they were made for; it is used up by this request.
    let nonceOfRequest: string | undefined
    const takeNonce = (nonce: string) =>
      nonceOfRequest ? nonce === nonceOfRequest : nonces.delete(nonce) && Boolean((nonceOfRequest = nonce))
    try {
      const holderJwks = jwts.map((jwt) =>
        checkProof(jwt, { credentialIssuer: base, algorithms: ALGORITHMS, takeNonce }),
      )
      const sdJwts = holderJwks.map((holderJwk) =>
        issueSdJwtVc({ issuer: key, vct: RESIDENCE_VCT, claims: RESIDENCE_CLAIMS, holderJwk }),
      )
      tokens.delete(accessToken)
      issued.push(...sdJwts)
      proofsTaken.push(...jwts)
      return { status: 200, body: { credentials: sdJwts.map((credential) => ({ credential })) } }
    } catch (error) {
      if (!(error instanceof InvalidProof)) throw error
      return { status: 400, body: { error: error.error, error_description: error.message } }
    }
  }

  const server = await listen((request) => {
    const route = `${request.method} ${request.path}`
    if (route === 'GET /.well-known/openid-credential-issuer') {
      return { status: 200, body: issuerMetadata(base, name, options) }
    }
    if (route === 'GET /.well-known/oauth-authorization-server') {
      return { status: 200, body: authorizationServerMetadata(base, options) }
    }
    if (request.method === 'GET' && request.path.startsWith('/offers/')) {
      const offer = offersByReference.get(request.path.slice('/offers/'.length))
      return offer ? { status: 200, body: offer } : { status: 404 }
    }
    if (route === 'POST /token') {
      const outcome = token(request)
      tokenRequests.push({ status: outcome.status })
      return outcome
    }
    if (route === 'POST /nonce') {
      const nonce = randomToken()
      nonces.add(nonce)
      return { status: 200, body: { c_nonce: nonce } }
    }
    if (route === 'POST /credential') return credential(request)
    return { status: 404 }
  })
  base = server.baseUrl

  /** A pre-authorized offer (§4.1), by value or by reference, with a 6-digit transaction code or none. */
  function offer(options: { txCode: boolean; byReference: boolean }) {
    const code = randomToken()
    const txCode = options.txCode ? String(100000 + Math.floor(Math.random() * 900000)) : undefined
    offers.set(code, { txCode, redeemed: false })
    const grant = {
      'pre-authorized_code': code,
      ...(txCode ? { tx_code: { input_mode: 'numeric', length: 6, description: 'The code in our letter' } } : {}),
    }
    const body = {
      credential_issuer: base,
      credential_configuration_ids: ['residence'],
      grants: { [PRE_AUTHORIZED]: grant },
    }
    if (!options.byReference) {
      return { link: `openid-credential-offer://?credential_offer=${encodeURIComponent(JSON.stringify(body))}`, txCode }
    }
    const id = randomToken(12)
    offersByReference.set(id, body)
    return {
      link: `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${base}/offers/${id}`)}`,
      txCode,
    }
  }

  return { baseUrl: base, did: key.did, offer, issued, proofsTaken, tokenRequests, close: server.close }
}
