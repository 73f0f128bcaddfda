import { randomBytes } from 'node:crypto'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { CustosError, InvalidInputError } from '../../../shared/errors'

/** The path the issuer's authorization server sends the person's browser back to (registered with it). */
export const CALLBACK_PATH = '/openid4vci/callback'

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/openid4vci/callback`: what the authorization request names. */
  redirectUri: string
  /** The random `state` the authorization request carries and the redirect must bring back. */
  state: string
  /** The authorization code, once a redirect with the right state arrives; rejects in words otherwise. */
  code: Promise<string>
  /**
   * The authorization server's issuer identifier, once known: a redirect naming another (`iss`, RFC
   * 9207) comes from a server mixed up with this one and is answered 400.
   */
  issuer?: string
  close(): void
}

function page(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  })
  response.end(text)
}

/**
 * A redirect endpoint for a desktop app as RFC 8252 §7.3 describes: a one-shot HTTP listener on
 * 127.0.0.1 at a port the system picks. It takes the first redirect that brings back its state, and
 * closes then or when nobody has signed in within `timeoutMs`. A redirect with another state (a page
 * trying to slip its own code in) is answered 400 and changes nothing; the right one may still come.
 */
export async function openLoopbackRedirect(timeoutMs: number): Promise<LoopbackRedirect> {
  const state = randomBytes(24).toString('base64url')
  let ended = false
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }))
  code.catch(() => undefined) // whoever awaits it sees the refusal; an unawaited one must not crash the node
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (request.method !== 'GET' || url.pathname !== CALLBACK_PATH) return page(response, 404, 'Not found.')
    if (ended) return page(response, 410, 'This sign-in has ended. Nothing more is taken.')
    const iss = url.searchParams.get('iss')
    if (url.searchParams.get('state') !== state || (iss !== null && redirect.issuer && iss !== redirect.issuer)) {
      return page(response, 400, 'This sign-in is not the one Custos started. Nothing was taken.')
    }
    const error = url.searchParams.get('error')
    const received = url.searchParams.get('code')
    if (error) {
      const said = (url.searchParams.get('error_description') ?? error).slice(0, 200)
      page(response, 200, 'The issuer did not let the sign-in through. You can close this page.')
      finish(new CustosError('CredentialRefused', `The issuer's sign-in refused it (${said}); nothing was taken.`))
    } else if (!received) {
      page(response, 400, 'The issuer sent no authorization code. Nothing was taken.')
      finish(
        new InvalidInputError('The issuer sent the browser back without an authorization code; nothing was taken.'),
      )
    } else {
      page(response, 200, 'Signed in. Custos takes the credential now; you can close this page.')
      finish(received)
    }
  })
  const timer = setTimeout(() => {
    finish(new CustosError('NotFound', 'Nobody signed in at the issuer in time; nothing was taken.'))
    server.closeAllConnections()
  }, timeoutMs)
  timer.unref()
  function finish(outcome: string | Error): void {
    ended = true
    clearTimeout(timer)
    // Takes no new connection; the page just written still reaches the browser.
    server.close()
    if (typeof outcome === 'string') settle?.resolve(outcome)
    else settle?.reject(outcome)
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  // A sign-in nobody finishes must not keep the node's process alive when it closes.
  server.unref()
  const { port } = server.address() as AddressInfo
  const redirect: LoopbackRedirect = {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    state,
    code,
    close: () => finish(new CustosError('NotFound', 'The sign-in was given up; nothing was taken.')),
  }
  return redirect
}
