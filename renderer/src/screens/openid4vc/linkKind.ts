// Which of the two a pasted link is, so the screen asks the node the right question. The node checks the
// link itself (links.ts); this only routes it, and says in words when it is neither.

import { EITHER_SCHEMES, OFFER_SCHEMES, REQUEST_SCHEMES } from '../../../../shared/walletSchemes'

const schemes = (names: readonly string[]) => names.map((name) => `${name}:`)
const OFFER = schemes(OFFER_SCHEMES)
const REQUEST = schemes(REQUEST_SCHEMES)
// Links that carry one or the other in their query: web links, and HAIP's drafts' one scheme.
const EITHER = ['https:', 'http:', ...schemes(EITHER_SCHEMES)]

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
  if (OFFER.includes(scheme)) return 'offer'
  if (REQUEST.includes(scheme)) return 'request'
  if (!EITHER.includes(scheme)) return undefined
  const params = url.searchParams
  if (params.has('credential_offer') || params.has('credential_offer_uri')) return 'offer'
  if (params.has('client_id')) return 'request'
  return undefined
}
