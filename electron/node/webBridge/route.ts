import type { IncomingMessage, ServerResponse } from 'node:http'

import { handleApiCall, type Dispatch } from './apiCall'
import type { EventStream } from './EventStream'
import type { BridgeGuard } from './guard'
import { secureHeaders, sendError, sendText } from './replies'
import { serveStatic } from './staticFiles'

export interface RouteContext {
  guard: BridgeGuard
  events: EventStream
  rendererDir: string
  dispatch: Dispatch
  logUnexpected: (method: string, error: unknown) => void
}

const SIGN_IN_HINT = 'Open the address that `npm run serve -- --ui` printed (the ui: line, ending in ?token=...).'

/** Every request passes the guard first; only the token link and a signed-in browser get anything. */
export function createRoute({ guard, events, rendererDir, dispatch, logUnexpected }: RouteContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    secureHeaders(res)
    if (!guard.hostIsOurs(req)) return sendText(res, 403, `This node only answers at ${guard.origin}. ${SIGN_IN_HINT}`)
    const url = new URL(req.url ?? '/', guard.origin)
    if (url.pathname.startsWith('/api/')) {
      const isEvents = url.pathname === '/api/events'
      if (!guard.hasSession(req))
        return sendError(res, 'Unauthorized', `This browser is not signed in. ${SIGN_IN_HINT}`)
      const origin = guard.originCheck(req, !isEvents)
      if (origin === 'foreign') return sendError(res, 'Forbidden', 'Calls from other sites are refused.')
      if (origin === 'missing') return sendError(res, 'Forbidden', 'API calls must come from the Custos page.')
      if (isEvents) return events.attach(req, res)
      void handleApiCall(req, res, url.pathname.slice('/api/'.length), dispatch, logUnexpected)
      return
    }
    if (url.pathname === '/' && url.searchParams.has('token')) {
      if (!guard.tokenMatches(url.searchParams.get('token'))) {
        return sendText(res, 401, `This token is not the one this node printed when it last started. ${SIGN_IN_HINT}`)
      }
      // The page itself comes back with the cookie (no redirect), so signing in never depends on how a
      // browser treats SameSite=Strict across redirects; the page then drops the token from its URL.
      res.setHeader('Set-Cookie', guard.sessionCookie())
      return serveStatic(req, res, rendererDir, '/')
    }
    if (!guard.hasSession(req)) return sendText(res, 401, `This browser is not signed in. ${SIGN_IN_HINT}`)
    serveStatic(req, res, rendererDir, url.pathname)
  }
}
