import http from 'node:http'

import WebSocket from 'ws'

export interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  /** Set when the socket failed before a status arrived. */
  error?: string
}

export interface RawRequest {
  method?: string
  path?: string
  headers?: Record<string, string | number>
  body?: string | Buffer
  /** Source address on the loopback, to play a second client. */
  localAddress?: string
  timeoutMs?: number
}

/** One HTTP request with exactly the bytes and headers given; never rejects. */
export function rawRequest(endpoint: string, request: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(endpoint)
  return new Promise((resolve) => {
    let settled = false
    const done = (response: RawResponse) => {
      if (settled) return
      settled = true
      resolve(response)
    }
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method ?? 'POST',
        path: request.path ?? '/',
        headers: request.headers,
        localAddress: request.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', (error) =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: '', error: error.message }),
        )
      },
    )
    req.setTimeout(request.timeoutMs ?? 15_000, () => {
      done({ status: 0, headers: {}, body: '', error: 'timeout' })
      req.destroy()
    })
    req.on('error', (error) => done({ status: 0, headers: {}, body: '', error: error.message }))
    req.end(request.body)
  })
}

export const DIDCOMM = { 'Content-Type': 'application/didcomm-envelope-enc' }

export function postEnvelope(endpoint: string, body: string | Buffer, extra: RawRequest = {}) {
  return rawRequest(endpoint, { ...extra, body, headers: { ...DIDCOMM, ...extra.headers } })
}

export interface WsOutcome {
  /** Close code the server sent; 0 if the connection never opened or did not close in time. */
  code: number
  reason: string
  /** HTTP status when the upgrade itself was refused. */
  upgradeStatus?: number
}

/** Opens a WebSocket, sends the frames, and reports how the server closed it. */
export function wsSend(
  endpoint: string,
  frames: Array<string | Buffer>,
  timeoutMs = 10_000,
  options: { localAddress?: string } = {},
): Promise<WsOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(endpoint, { localAddress: options.localAddress })
    let settled = false
    const done = (outcome: WsOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.terminate()
      resolve(outcome)
    }
    const timer = setTimeout(() => done({ code: 0, reason: 'timeout' }), timeoutMs)
    socket.on('unexpected-response', (_req, res) => done({ code: 0, reason: 'refused', upgradeStatus: res.statusCode }))
    socket.on('error', () => undefined)
    socket.on('open', () => {
      for (const frame of frames) socket.send(frame)
    })
    socket.on('close', (code, reason) => done({ code, reason: reason.toString('utf8') }))
  })
}
