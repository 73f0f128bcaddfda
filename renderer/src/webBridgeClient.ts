// The second transport of the one API client: the node's loopback web bridge (headless mode and the
// browser tests). The printed sign-in token is traded once for a session secret, kept in this tab's
// sessionStorage and sent in a header: never in a cookie, which the browser would also send to every
// other server on 127.0.0.1 whatever its port.

const SESSION_KEY = 'custos.session'
const SESSION_HEADER = 'X-Custos-Session'

let signingIn: Promise<void> | undefined

/** Trades the token in the address (if any) for a session, and drops it from the address and history. */
export function forgetSignInToken(): Promise<void> {
  signingIn ??= signIn()
  return signingIn
}

async function signIn(): Promise<void> {
  const url = new URL(window.location.href)
  const token = url.searchParams.get('token')
  if (token === null) return
  url.searchParams.delete('token')
  window.history.replaceState(null, '', url.pathname + url.search + url.hash)
  try {
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    })
    const reply = (await response.json()) as { ok: boolean; value?: { session?: string } }
    if (reply.ok && reply.value?.session) sessionStorage.setItem(SESSION_KEY, reply.value.session)
  } catch {
    // The calls that follow say that this page is not signed in, and how to sign in.
  }
}

export function sessionHeaders(): Record<string, string> {
  const session = sessionStorage.getItem(SESSION_KEY)
  return session ? { [SESSION_HEADER]: session } : {}
}

/** One API call over the bridge; the answer is a reply as data, whatever the HTTP status. */
export async function webBridgeTransport(method: string, input: unknown): Promise<unknown> {
  await forgetSignInToken()
  let response: Response
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...sessionHeaders() },
      body: input === undefined ? '' : JSON.stringify(input),
    })
  } catch {
    return { ok: false, error: { code: 'Unreachable', message: 'The Custos node does not answer.' } }
  }
  return response.json().catch(() => undefined)
}

let events: EventTarget | undefined

/**
 * Live updates on the signed-in session: the event stream read with fetch (EventSource cannot send the
 * session header), each event re-dispatched here under its topic. Reconnects when the stream ends.
 */
export function webBridgeEvents(): EventTarget {
  if (events) return events
  const target = new EventTarget()
  events = target
  void streamEvents(target)
  return target
}

async function streamEvents(target: EventTarget): Promise<void> {
  for (;;) {
    await forgetSignInToken()
    try {
      const response = await fetch('/api/events', { headers: sessionHeaders() })
      if (response.ok && response.body) await readEvents(response.body, target)
    } catch {
      // The node went away or the stream broke; try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
}

async function readEvents(body: ReadableStream<Uint8Array>, target: EventTarget): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffered += decoder.decode(value, { stream: true })
    let end: number
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end)
      buffered = buffered.slice(end + 2)
      const topic = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      if (topic) target.dispatchEvent(new MessageEvent(topic, { data }))
    }
  }
}
