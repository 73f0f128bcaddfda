import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

import { sendText } from './replies'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** The file under `root` that `urlPath` names, or undefined when it names anything outside it. */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const candidate = path.resolve(root, relative)
  if (!isInside(root, candidate) || !fs.existsSync(candidate)) return undefined
  // A symlink inside the folder could still point out of it; judge where it really leads.
  const real = fs.realpathSync(candidate)
  if (!isInside(fs.realpathSync(root), real) || !fs.statSync(real).isFile()) return undefined
  return real
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** Serves the built renderer and nothing else; the CSP header is already set by the caller. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Only GET is served here.')
  const file = resolveStatic(root, urlPath)
  if (!file) return sendText(res, 404, 'Not found.')
  const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
  const body = fs.readFileSync(file)
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length })
  res.end(req.method === 'HEAD' ? undefined : body)
}
