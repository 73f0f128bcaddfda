// The custom URL schemes an issuer's or verifier's page opens a wallet with, in one place: the node reads
// links in them (electron/node/openid4vc/links.ts), the desktop app registers them at run time
// (electron/main/deepLinks.ts) and the installers at install time (electron-builder.yml `protocols`), and
// the page routes a pasted one (linkKind.ts). tests/unit/walletSchemes.test.ts keeps the four aligned.

/** Credential offers: OpenID4VCI 1.0 §4.1.3, and HAIP 1.0's own scheme for issuance. */
export const OFFER_SCHEMES = ['openid-credential-offer', 'haip-vci'] as const

/**
 * Presentation requests: OpenID4VP 1.0 §13.1.2, HAIP 1.0's scheme for presentation, and the two the EU
 * Digital Identity Wallet's reference wallets and verifier use (`eudi-openid4vp`, `mdoc-openid4vp`).
 */
export const REQUEST_SCHEMES = ['openid4vp', 'haip-vp', 'eudi-openid4vp', 'mdoc-openid4vp'] as const

/**
 * HAIP's drafts up to 03 named one scheme for both (`haip://`); draft 04 and 1.0 replaced it with the two
 * above, but the EUDI reference wallets still register it. Which of the two a link is, its query says.
 */
export const EITHER_SCHEMES = ['haip'] as const

export const WALLET_SCHEMES: readonly string[] = [...OFFER_SCHEMES, ...REQUEST_SCHEMES, ...EITHER_SCHEMES]

/** The scheme of a link, lower case and without its colon; undefined when it is no URL. */
export function schemeOf(link: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(link.trim())
  return match ? match[1].toLowerCase() : undefined
}
