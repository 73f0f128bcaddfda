import type { App } from 'electron'

import { WALLET_SCHEMES } from '../../shared/walletSchemes'

// The schemes an EU issuer's or verifier's page opens a wallet with (OpenID4VCI 1.0, OpenID4VP 1.0, the
// HAIP profile's and the EU reference wallet's; shared/walletSchemes.ts), beside custos:// for invitations.
const WALLET_LINK = new RegExp(`^(${WALLET_SCHEMES.join('|')}):\\/\\/`, 'i')

/** The custos:// link (an invitation) among a launch's arguments, if there is one. */
export function invitationLinkIn(argv: readonly string[]): string | undefined {
  return argv.find((arg) => /^custos:\/\/invite\?/i.test(arg))
}

/** An offer or presentation request link among a launch's arguments, if there is one. */
export function walletLinkIn(argv: readonly string[]): string | undefined {
  return argv.find((arg) => WALLET_LINK.test(arg))
}

/** Either kind of link the app opens, and which topic the window hears it on. */
export function appLinkIn(argv: readonly string[]): { url: string; topic: 'invitation' | 'walletLink' } | undefined {
  const invitation = invitationLinkIn(argv)
  if (invitation) return { url: invitation, topic: 'invitation' }
  const wallet = walletLinkIn(argv)
  return wallet ? { url: wallet, topic: 'walletLink' } : undefined
}

/**
 * Links opened from elsewhere (a browser, a mail) reach the app: on Windows and Linux as the argument of
 * a second launch (handed over by the single-instance lock), on macOS as open-url. An invitation lands on
 * the accept-connection screen with the link filled in, nothing accepted unasked; an offer or a request
 * is opened on Requests, where an offer waits for the person and a request is read like a pasted one.
 */
export function handleDeepLinks(app: App, deliver: (url: string) => void): void {
  for (const scheme of ['custos', ...WALLET_SCHEMES]) app.setAsDefaultProtocolClient(scheme)
  app.on('open-url', (event, url) => {
    event.preventDefault()
    if (appLinkIn([url])) deliver(url)
  })
}
