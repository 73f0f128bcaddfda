// Which of the two a pasted link is, so the screen asks the node the right question. The node checks the
// link itself (links.ts); this only routes it, and says in words when it is neither.

const OFFER_SCHEMES = ['openid-credential-offer:', 'haip-vci:']
const REQUEST_SCHEMES = ['openid4vp:', 'haip-vp:', 'eudi-openid4vp:', 'mdoc-openid4vp:']

export type LinkKind = 'offer' | 'request'

export function linkKind(input: string): LinkKind | undefined {
  const text = input.trim()
  // An offer pasted as its JSON.
  if (text.startsWith('{')) return text.includes('credential_issuer') ? 'offer' : undefined
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return undefined
  }
  const scheme = url.protocol.toLowerCase()
  if (OFFER_SCHEMES.includes(scheme)) return 'offer'
  if (REQUEST_SCHEMES.includes(scheme)) return 'request'
  if (scheme !== 'https:' && scheme !== 'http:') return undefined
  // A web link that carries one or the other in its query.
  const params = url.searchParams
  if (params.has('credential_offer') || params.has('credential_offer_uri')) return 'offer'
  if (params.has('client_id')) return 'request'
  return undefined
}
