import { apiMethodNames, type CustosApi } from '../../shared/api'

// The second transport of the one API client: the node's loopback web bridge (headless mode and the
// browser tests). The session rides in an httpOnly cookie, so nothing secret is ever visible here.

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

async function call(method: string, input: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
    })
  } catch {
    throw new ApiCallError('Unreachable', 'The Custos node does not answer.')
  }
  const reply: unknown = await response.json().catch(() => undefined)
  if (!isReply(reply)) throw new ApiCallError('Internal', `The node gave an unexpected answer (${response.status}).`)
  if (reply.ok) return reply.value
  throw new ApiCallError(reply.error.code, reply.error.message)
}

let client: CustosApi | undefined

export function webBridgeClient(): CustosApi {
  client ??= Object.freeze(
    Object.fromEntries(apiMethodNames.map((method) => [method, (input: unknown) => call(method, input)])),
  ) as CustosApi
  return client
}

let events: EventSource | undefined

/** Live updates on the same signed-in session (the cookie goes along, as with every same-origin request). */
export function webBridgeEvents(): EventSource {
  events ??= new EventSource('/api/events')
  return events
}

/** The sign-in token has done its work once the page loaded; keep it out of history and bookmarks. */
export function forgetSignInToken(): void {
  const url = new URL(window.location.href)
  if (!url.searchParams.has('token')) return
  url.searchParams.delete('token')
  window.history.replaceState(null, '', url.pathname + url.search + url.hash)
}
