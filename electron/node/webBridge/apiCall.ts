import type { IncomingMessage, ServerResponse } from 'node:http'

import { CustosError, isCustosError } from '../../../shared/errors'
import { BodyTooLargeError, MAX_BODY_BYTES, readBody } from './readBody'
import { sendError, sendJson } from './replies'

export type Dispatch = (method: string, input: unknown) => Promise<unknown>

/**
 * POST /api/<method>: the body is the method's input as JSON (empty for none). The guard has already
 * checked the session and the Origin; a JSON content type is required as well, because an HTML form
 * on another site can post text/plain but never application/json without asking first.
 */
export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  dispatch: Dispatch,
  logUnexpected: (method: string, error: unknown) => void,
): Promise<void> {
  if (req.method !== 'POST') return sendError(res, 'NotFound', `Call ${method} with POST.`)
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, 'InvalidInput', 'Send the input as JSON (Content-Type: application/json).')
  }
  let input: unknown
  try {
    const body = await readBody(req)
    input = body.trim() === '' ? undefined : JSON.parse(body)
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      res.setHeader('Connection', 'close')
      return sendError(res, 'PayloadTooLarge', `The input is larger than ${MAX_BODY_BYTES / 1024} KiB.`)
    }
    return sendError(res, 'InvalidInput', 'The input is not valid JSON.')
  }
  try {
    sendJson(res, { ok: true, value: await dispatch(method, input) })
  } catch (error) {
    sendFailure(res, method, error, logUnexpected)
  }
}

/** A typed error as it is; anything else as a plain message, its detail to the log only. */
export function sendFailure(
  res: ServerResponse,
  method: string,
  error: unknown,
  logUnexpected: (method: string, error: unknown) => void,
): void {
  if (isCustosError(error)) return sendJson(res, { ok: false, error: error.toJSON() })
  // Unexpected errors may carry internals; the page gets a plain message, the log the detail.
  logUnexpected(method, error)
  sendJson(res, { ok: false, error: new CustosError('Internal', 'Something went wrong in the node.').toJSON() })
}
