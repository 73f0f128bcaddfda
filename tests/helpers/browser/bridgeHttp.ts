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

/** Signs in with the printed URL and returns the `name=value` cookie the bridge handed out. */
export async function signIn(url: string): Promise<string> {
  const { origin, pathname, search } = new URL(url)
  const reply = await rawRequest(origin, { path: pathname + search })
  const cookie = reply.headers['set-cookie']?.[0]
  if (reply.status !== 200 || !cookie) throw new Error(`sign-in failed: ${reply.status} ${reply.body}`)
  return cookie.split(';')[0]
}

/** An API call as the page makes it: POST, JSON, the session cookie and the bridge's own Origin. */
export function apiCall(origin: string, method: string, input: unknown, headers: Record<string, string> = {}) {
  return rawRequest(origin, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
    body: input === undefined ? '' : JSON.stringify(input),
  })
}
