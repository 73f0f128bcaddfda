import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** The header the page sends its session secret in; a page of another origin cannot set it. */
export const SESSION_HEADER = 'x-custos-session'
// Each sign-in makes one; a browser that signed in many times keeps only its newest ones.
const MAX_SESSIONS = 16

/**
 * Who may use the bridge: whoever holds the token printed at start, once, and from then on the page that
 * exchanged it for a session secret. The secret lives in that page's memory (sessionStorage) and travels
 * only in a header, never in a cookie: browsers send cookies for 127.0.0.1 to every port on it, so any
 * other local server could read one and replay it. Anything else on this machine (other users, other
 * pages in the same browser) can reach 127.0.0.1 too, so every request proves itself here.
 */
export class BridgeGuard {
  private token: string | undefined = newSecret()
  private readonly sessions: string[] = []
  readonly origin: string

  constructor(readonly port: number) {
    this.origin = `http://127.0.0.1:${port}`
  }

  /** The sign-in token not yet used, if any; printed inside the URL. */
  get signInToken(): string | undefined {
    return this.token
  }

  /** A fresh one-time token; the one before it, used or not, stops working. */
  renewToken(): string {
    this.token = newSecret()
    return this.token
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

  /** The token for a new session secret, once: a second use (a replayed link, a copy from history) fails. */
  exchange(candidate: unknown): string | undefined {
    if (typeof candidate !== 'string' || this.token === undefined || !sameSecret(candidate, this.token)) return
    this.token = undefined
    const session = newSecret()
    this.sessions.push(session)
    if (this.sessions.length > MAX_SESSIONS) this.sessions.shift()
    return session
  }

  hasSession(req: IncomingMessage): boolean {
    const value = req.headers[SESSION_HEADER]
    return typeof value === 'string' && this.sessions.some((session) => sameSecret(value, session))
  }
}

function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

function sameSecret(candidate: string, secret: string): boolean {
  const a = Buffer.from(candidate)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}
