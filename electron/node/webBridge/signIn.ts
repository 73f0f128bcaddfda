import type { IncomingMessage, ServerResponse } from 'node:http'

import type { BridgeGuard } from './guard'
import { readBody } from './readBody'
import { sendError, sendJson } from './replies'

export const SIGN_IN_HINT =
  'Open the address that `npm run serve -- --ui` printed (the ui: line, ending in ?token=...). ' +
  'Each address works once; `kill -USR1` on the serve process prints a new one.'

/**
 * POST /api/session {"token": "..."}: the page trades the printed token for its session secret. Only
 * the node's own page can ask (Origin required), and only once per token.
 */
export async function handleSignIn(req: IncomingMessage, res: ServerResponse, guard: BridgeGuard): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 'NotFound', 'Sign in with POST.')
  if (guard.originCheck(req, true) !== 'ok')
    return sendError(res, 'Forbidden', 'Sign-in must come from the Custos page.')
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    return sendError(res, 'InvalidInput', 'Send the token as JSON (Content-Type: application/json).')
  let token: unknown
  try {
    token = (JSON.parse(await readBody(req, 4096)) as { token?: unknown }).token
  } catch {
    return sendError(res, 'InvalidInput', 'Send the token as JSON: {"token": "..."}.')
  }
  const session = guard.exchange(token)
  if (!session)
    return sendError(
      res,
      'Unauthorized',
      `This sign-in address was used already, or is not this node's. ${SIGN_IN_HINT}`,
    )
  sendJson(res, { ok: true, value: { session } })
}
