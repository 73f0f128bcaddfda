import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Who may use the bridge: whoever holds the token printed at start, and from then on the browser that
 * exchanged it for the session cookie. Anything else on this machine (other users, other pages in the
 * same browser) can reach 127.0.0.1 too, so every request proves itself here.
 */
export class BridgeGuard {
  /** Printed once inside the URL; exchanged for the cookie so it never travels again. */
  readonly token = randomBytes(32).toString('base64url')
  private readonly session = randomBytes(32).toString('base64url')
  readonly origin: string
  // Cookies ignore ports: a name per port keeps two bridges on this host from overwriting each other.
  readonly cookieName: string

  constructor(readonly port: number) {
    this.origin = `http://127.0.0.1:${port}`
    this.cookieName = `custos_session_${port}`
  }

  /** A rebinding DNS name pointed at 127.0.0.1 arrives with its own Host; only ours is served. */
  hostIsOurs(req: IncomingMessage): boolean {
    return req.headers.host === `127.0.0.1:${this.port}`
  }

  /** Browsers send Origin on every POST and on cross-site requests; when present it must be ours. */
  originCheck(req: IncomingMessage, required: boolean): 'ok' | 'missing' | 'foreign' {
    const origin = req.headers.origin
    if (origin === undefined) return required ? 'missing' : 'ok'
    return origin === this.origin ? 'ok' : 'foreign'
  }

  tokenMatches(candidate: string | null): boolean {
    return candidate !== null && sameSecret(candidate, this.token)
  }

  hasSession(req: IncomingMessage): boolean {
    const value = cookieValue(req.headers.cookie, this.cookieName)
    return value !== undefined && sameSecret(value, this.session)
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.session}; HttpOnly; SameSite=Strict; Path=/`
  }
}

function sameSecret(candidate: string, secret: string): boolean {
  const a = Buffer.from(candidate)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}
