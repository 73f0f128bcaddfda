import fs from 'node:fs'
import path from 'node:path'

import { protocol } from 'electron'

import { RENDERER_CSP } from '../../shared/csp'
import { APP_HOST, APP_SCHEME } from './trustedUrl'

// The renderer is served from app://custos/ rather than file://, where 'self' in a CSP matches every file
// on the disk; a header CSP also covers what a <meta> tag cannot (frame-ancestors).

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** Must run before the app is ready: a standard, secure scheme gets an origin and fetch like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the files of `rendererDir` and nothing outside it, each with the CSP header. */
export function serveRenderer(rendererDir: string): void {
  const root = fs.realpathSync(rendererDir)
  protocol.handle(APP_SCHEME, (request) => answer(root, request))
}

export function answer(root: string, request: Request): Response {
  // Every answer carries the CSP, refusals too: an error page is still a document in the app's origin.
  const headers = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' }
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers })
  const parsed = new URL(request.url)
  let relative: string
  try {
    relative = decodeURIComponent(parsed.pathname)
  } catch {
    return new Response('Bad request', { status: 400, headers })
  }
  // A backslash is a separator on Windows: "..\" must not slip past the check for "../".
  if (parsed.host !== APP_HOST || relative.includes('\0') || relative.includes('\\')) {
    return new Response('Not found', { status: 404, headers })
  }
  const file = resolveInside(root, relative === '/' ? '/index.html' : relative)
  if (!file) return new Response('Not found', { status: 404, headers })
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
  return new Response(fs.readFileSync(file), { status: 200, headers: { ...headers, 'Content-Type': type } })
}

// Judged lexically first (no file outside the folder is even looked at), then through links: a symlink
// inside the folder must not lead out of it either.
function resolveInside(root: string, relative: string): string | undefined {
  const candidate = path.resolve(root, relative.replace(/^\/+/, ''))
  if (!isInside(root, candidate) || !fs.existsSync(candidate)) return undefined
  const real = fs.realpathSync(candidate)
  return isInside(root, real) && fs.statSync(real).isFile() ? real : undefined
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}
