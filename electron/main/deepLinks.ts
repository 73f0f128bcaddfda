import type { App } from 'electron'

/** The custos:// link (an invitation) among a launch's arguments, if there is one. */
export function invitationLinkIn(argv: readonly string[]): string | undefined {
  return argv.find((arg) => /^custos:\/\/invite\?/i.test(arg))
}

/**
 * custos:// links opened from elsewhere (a browser, a mail) reach the app: on Windows and Linux as the
 * argument of a second launch (handed over by the single-instance lock), on macOS as open-url.
 * Each lands on the accept-connection screen with the link filled in; nothing is accepted unasked.
 */
export function handleDeepLinks(app: App, deliver: (url: string) => void): void {
  app.setAsDefaultProtocolClient('custos')
  app.on('open-url', (event, url) => {
    event.preventDefault()
    if (invitationLinkIn([url])) deliver(url)
  })
}
