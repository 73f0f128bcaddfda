import http from 'node:http'
import type { AddressInfo } from 'node:net'

// Plain node:http for the independent issuer: no framework between the wire and the protocol code.

export interface Incoming {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  /** A form body (application/x-www-form-urlencoded) or a JSON one, as the content type says. */
  form: URLSearchParams
  json: Record<string, unknown>
}

export interface Outgoing {
  status: number
  body?: unknown
}

export type Handler = (request: Incoming) => Outgoing | Promise<Outgoing>

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > 256 * 1024) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Listens on 127.0.0.1 at a port the system picks; every answer is JSON and never cached. */
export async function listen(handler: Handler) {
  const server = http.createServer((req, res) => {
    void (async () => {
      let out: Outgoing
      try {
        const text = await readBody(req)
        const type = req.headers['content-type'] ?? ''
        const url = new URL(req.url ?? '/', 'http://127.0.0.1')
        out = await handler({
          method: req.method ?? 'GET',
          path: url.pathname,
          headers: req.headers,
          form: new URLSearchParams(type.includes('urlencoded') ? text : ''),
          json: type.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : {},
        })
      } catch (error) {
        out = { status: 400, body: { error: 'invalid_request', error_description: (error as Error).message } }
      }
      res.writeHead(out.status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(out.body === undefined ? '' : JSON.stringify(out.body))
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
