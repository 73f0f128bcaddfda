import fs from 'node:fs'
import path from 'node:path'

import { protocol } from 'electron'

import { RENDERER_CSP } from '../../shared/csp'

// The renderer is served from app://custos/ rather than file://, where 'self' in a CSP matches every file
// on the disk; a header CSP also covers what a <meta> tag cannot (frame-ancestors).
export const APP_ORIGIN = 'app://custos'
const SCHEME = 'app'

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
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves the files of `rendererDir` and nothing outside it, each with the CSP header. */
export function serveRenderer(rendererDir: string): void {
  const root = fs.realpathSync(rendererDir)
  protocol.handle(SCHEME, (request) => answer(root, request.url))
}

export function answer(root: string, url: string): Response {
  const headers = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' }
  const parsed = new URL(url)
  let relative: string
  try {
    relative = decodeURIComponent(parsed.pathname)
  } catch {
    return new Response('Bad request', { status: 400, headers })
  }
  if (parsed.host !== 'custos' || relative.includes('\0')) return new Response('Not found', { status: 404, headers })
  const file = resolveInside(root, relative === '/' ? '/index.html' : relative)
  if (!file) return new Response('Not found', { status: 404, headers })
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream'
  return new Response(fs.readFileSync(file), { status: 200, headers: { ...headers, 'Content-Type': type } })
}

// Resolved through links too: a symlink inside the folder must not lead out of it.
function resolveInside(root: string, relative: string): string | undefined {
  const candidate = path.resolve(root, `.${path.sep}${path.normalize(relative)}`)
  if (!fs.existsSync(candidate)) return undefined
  const real = fs.realpathSync(candidate)
  const inside = real.startsWith(`${root}${path.sep}`) && fs.statSync(real).isFile()
  return inside ? real : undefined
}
