import { CustosError, InvalidInputError } from '../../../shared/errors'
import { EITHER_SCHEMES, OFFER_SCHEMES, REQUEST_SCHEMES, schemeOf } from '../../../shared/walletSchemes'

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost'])

/**
 * Where the node may talk OpenID4VC to: https anywhere, plain http only to this machine (the demo and the
 * tests run their issuers and verifiers on 127.0.0.1). The library is told to allow http at all, so this
 * is where the line is drawn, for every URL a counterparty names before it is used.
 */
export function checkEndpoint(what: string, value: string | undefined): void {
  if (value === undefined) return
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidInputError(`The ${what} is not a web address.`)
  }
  if (url.protocol === 'https:') return
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return
  throw new CustosError(
    'InvalidInput',
    `The ${what} (${url.host}) is not an https address; Custos will not send to it.`,
  )
}

/** Offer links in the schemes OpenID4VCI 1.0 and the EU's HAIP profile name, or https links carrying one. */
export function offerLink(input: string): string {
  const text = input.trim()
  if (text.startsWith('{')) {
    checkEndpoint('issuer', issuerOfOffer(text))
    return `openid-credential-offer://?credential_offer=${encodeURIComponent(text)}`
  }
  const params = queryOf(text, 'That is not a credential offer link.')
  checkScheme(
    text,
    [...OFFER_SCHEMES, ...EITHER_SCHEMES],
    'a credential offer',
    'openid-credential-offer:// or haip-vci://',
  )
  const byReference = params.get('credential_offer_uri')
  if (!params.get('credential_offer') && !byReference) {
    throw new InvalidInputError(
      'That link holds no credential offer (neither credential_offer nor credential_offer_uri).',
    )
  }
  checkEndpoint('address of the offer', byReference ?? undefined)
  // Checked before the library fetches the issuer's metadata from it.
  checkEndpoint('issuer', issuerOfOffer(params.get('credential_offer')))
  return inScheme(text, 'openid-credential-offer')
}

/** Presentation request links (`openid4vp://`, the EU profiles' schemes in shared/walletSchemes.ts, https) by value or by request_uri. */
export function requestLink(input: string): string {
  const text = input.trim()
  const params = queryOf(text, 'That is not a presentation request link.')
  checkScheme(text, [...REQUEST_SCHEMES, ...EITHER_SCHEMES], 'a presentation request', 'openid4vp:// or haip-vp://')
  if (!params.get('client_id')) throw new InvalidInputError('That request does not say who asks (no client_id).')
  if (
    !params.get('request_uri') &&
    !params.get('request') &&
    !params.get('dcql_query') &&
    !params.get('presentation_definition')
  ) {
    throw new InvalidInputError('That link holds no presentation request.')
  }
  checkEndpoint('address of the request', params.get('request_uri') ?? undefined)
  checkEndpoint('address the answer would go to', params.get('response_uri') ?? undefined)
  checkRequestHost(params.get('client_id')!, params.get('request_uri'))
  return inScheme(text, 'openid4vp')
}

/** A link in a wallet scheme the node does not open for this (or no wallet scheme at all) is refused. */
function checkScheme(text: string, schemes: readonly string[], what: string, named: string): void {
  const scheme = schemeOf(text)
  if (scheme === 'https' || scheme === 'http' || (scheme && schemes.includes(scheme))) return
  throw new InvalidInputError(
    `That link (${scheme ?? 'no'}:) is not ${what}; companies send those as ${named} links or web links.`,
  )
}

/**
 * The library reads the query of a link whatever its scheme, but is handed the protocol's own scheme, so
 * the EU profile's schemes (haip-vci, haip-vp, eudi-openid4vp, the drafts' haip, ...) read as the protocol's.
 */
function inScheme(text: string, scheme: string): string {
  const own = schemeOf(text)
  if (own === scheme || own === 'https' || own === 'http') return text
  return `${scheme}://${new URL(text).search}`
}

/**
 * A client id that names a host (`x509_san_dns:` a DNS name, `redirect_uri:` an address) allows a request
 * from that host only: a `request_uri` elsewhere is someone else speaking in its name, and is not fetched.
 * DID and certificate-hash client ids name no host; their signature is what binds the request.
 */
function checkRequestHost(clientId: string, requestUri: string | null): void {
  if (!requestUri) return
  const [prefix, ...rest] = clientId.split(':')
  const named = rest.join(':')
  const host = prefix === 'x509_san_dns' ? named.toLowerCase() : prefix === 'redirect_uri' ? hostOf(named) : undefined
  if (host === undefined) return
  const requestHost = hostOf(requestUri)
  if (requestHost !== host) {
    throw new InvalidInputError(
      `The request is served from ${requestHost ?? 'an unreadable address'}, not from ${host || 'the host'} that the verifier names as itself; Custos did not fetch it.`,
    )
  }
}

function hostOf(address: string): string | undefined {
  try {
    return new URL(address).hostname.toLowerCase()
  } catch {
    return undefined
  }
}

function queryOf(text: string, refusal: string): URLSearchParams {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InvalidInputError(refusal)
  }
  return url.searchParams
}

function issuerOfOffer(json: string | null): string | undefined {
  if (!json) return undefined
  try {
    const issuer = (JSON.parse(json) as { credential_issuer?: unknown }).credential_issuer
    return typeof issuer === 'string' ? issuer : undefined
  } catch {
    throw new InvalidInputError('The credential offer in that link is not readable.')
  }
}
