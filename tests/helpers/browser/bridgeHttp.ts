import http from 'node:http'

export interface RawReply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export interface RawRequest {
  method?: string
  /** Sent exactly as given: no client-side normalising of `..` or percent escapes. */
  path: string
  headers?: Record<string, string>
  body?: string
}

/** One HTTP request to the bridge with full control over path and headers (fetch would tidy them). */
export function rawRequest(origin: string, request: RawRequest): Promise<RawReply> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname, port, method: request.method ?? 'GET', path: request.path, headers: request.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.once('error', reject)
    req.end(request.body)
  })
}

/** The header a signed-in page sends its session secret in. */
export const SESSION_HEADER = 'X-Custos-Session'

/** Trades the printed URL's one-time token for a session secret, as the page does. */
export function exchangeToken(url: string): Promise<RawReply> {
  const { origin, searchParams } = new URL(url)
  return rawRequest(origin, {
    method: 'POST',
    path: '/api/session',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ token: searchParams.get('token') }),
  })
}

/** Signs in with the printed URL; returns the header that carries the session on every call. */
export async function signIn(url: string): Promise<Record<string, string>> {
  const reply = await exchangeToken(url)
  const session =
    reply.status === 200 ? (JSON.parse(reply.body) as { value?: { session?: string } }).value?.session : undefined
  if (!session) throw new Error(`sign-in failed: ${reply.status} ${reply.body}`)
  return { [SESSION_HEADER]: session }
}

/** An API call as the page makes it: POST, JSON, the session header and the bridge's own Origin. */
export function apiCall(origin: string, method: string, input: unknown, headers: Record<string, string> = {}) {
  return rawRequest(origin, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: input === undefined ? '' : JSON.stringify(input),
  })
}
