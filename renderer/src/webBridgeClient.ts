// The second transport of the one API client: the node's loopback web bridge (headless mode and the
// browser tests). The session rides in an httpOnly cookie, so nothing secret is ever visible here.

/** One API call over the bridge; the answer is a reply as data, whatever the HTTP status. */
export async function webBridgeTransport(method: string, input: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: input === undefined ? '' : JSON.stringify(input),
    })
  } catch {
    return { ok: false, error: { code: 'Unreachable', message: 'The Custos node does not answer.' } }
  }
  return response.json().catch(() => undefined)
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
