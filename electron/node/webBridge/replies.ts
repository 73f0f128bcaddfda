import type { ServerResponse } from 'node:http'

import { RENDERER_CSP as CONTENT_SECURITY_POLICY } from '../../../shared/csp'
import type { CustosErrorCode } from '../../../shared/errors'

export { CONTENT_SECURITY_POLICY }

/** The bridge's own refusals (Unauthorized, Forbidden, PayloadTooLarge) are codes of the contract too. */
export type BridgeErrorCode = CustosErrorCode

export type BridgeReply =
  { ok: true; value: unknown } | { ok: false; error: { code: BridgeErrorCode; message: string } }

const statusOf: Partial<Record<BridgeErrorCode, number>> = {
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  PayloadTooLarge: 413,
  InvalidInput: 400,
  WrongPassphrase: 400,
  StoreExists: 409,
  StoreNotFound: 409,
  NodeLocked: 409,
  DataDirInUse: 409,
  PeerUnreachable: 502,
  Internal: 500,
}

/** Headers every answer carries: nothing is cached, sniffed, framed or leaks the URL onwards. */
export function secureHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

export function sendJson(res: ServerResponse, reply: BridgeReply): void {
  const status = reply.ok ? 200 : (statusOf[reply.error.code] ?? 400)
  const body = JSON.stringify(reply)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  })
  res.end(body)
}

export function sendError(res: ServerResponse, code: BridgeErrorCode, message: string): void {
  sendJson(res, { ok: false, error: { code, message } })
}

/** Plain-text refusals for a person who opened an address in the browser by hand. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}
