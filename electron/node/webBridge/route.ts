import type { IncomingMessage, ServerResponse } from 'node:http'

import { handleApiCall, type Dispatch } from './apiCall'
import { handleBackupDownload } from './backupDownload'
import { handleBackupUpload } from './backupUpload'
import type { EventStream } from './EventStream'
import type { BridgeGuard } from './guard'
import { secureHeaders, sendError, sendText } from './replies'
import { handleSignIn, SIGN_IN_HINT } from './signIn'
import { serveStatic } from './staticFiles'
import type { BackupScratch } from './uploads'

export interface RouteContext {
  guard: BridgeGuard
  events: EventStream
  rendererDir: string
  dispatch: Dispatch
  logUnexpected: (method: string, error: unknown) => void
  scratch: BackupScratch
  maxUploadBytes?: number
}

/**
 * Every request passes the guard first. The built renderer is served to any page at our Host (it is
 * the same code for everyone and holds nothing of the person); the API only to a signed-in page.
 */
export function createRoute(context: RouteContext) {
  const { guard, events, rendererDir, dispatch, logUnexpected, scratch } = context
  return (req: IncomingMessage, res: ServerResponse): void => {
    secureHeaders(res)
    if (!guard.hostIsOurs(req)) return sendText(res, 403, `This node only answers at ${guard.origin}. ${SIGN_IN_HINT}`)
    const url = new URL(req.url ?? '/', guard.origin)
    if (url.pathname === '/api/session') return void handleSignIn(req, res, guard)
    if (url.pathname.startsWith('/api/')) {
      const isEvents = url.pathname === '/api/events'
      if (!guard.hasSession(req)) return sendError(res, 'Unauthorized', `This page is not signed in. ${SIGN_IN_HINT}`)
      const origin = guard.originCheck(req, !isEvents)
      if (origin === 'foreign') return sendError(res, 'Forbidden', 'Calls from other sites are refused.')
      if (origin === 'missing') return sendError(res, 'Forbidden', 'API calls must come from the Custos page.')
      if (isEvents) return events.attach(req, res)
      // Backup files by download and upload: the web mode's file picker (the desktop app has the OS dialog).
      if (url.pathname.startsWith('/api/files/') && req.method !== 'POST') {
        return sendError(res, 'NotFound', 'Use POST for backup files.')
      }
      if (url.pathname === '/api/files/backup') {
        return void handleBackupDownload(req, res, dispatch, scratch, logUnexpected)
      }
      if (url.pathname === '/api/files/upload') {
        return void handleBackupUpload(req, res, scratch, context.maxUploadBytes)
      }
      void handleApiCall(req, res, url.pathname.slice('/api/'.length), dispatch, logUnexpected)
      return
    }
    serveStatic(req, res, rendererDir, url.pathname)
  }
}
