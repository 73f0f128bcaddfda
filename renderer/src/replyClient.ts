import { apiMethodNames, type CustosApi } from '../../shared/api'
import { CustosError, custosErrorCodes, type CustosErrorCode } from '../../shared/errors'
import type { IpcReply } from '../../shared/ipc'

/** One call over a transport; resolves to the node's reply as data (a transport says Unreachable as one). */
export type Transport = (method: string, input: unknown) => Promise<unknown>

/**
 * The contract over a transport whose answers are replies ({ok, value} or {ok:false, error:{code,
 * message}}): IPC through the preload and the loopback web bridge alike. Errors become the CustosError
 * the screens branch on, whichever transport carried them.
 */
export function replyClient(transport: Transport): CustosApi {
  return Object.freeze(
    Object.fromEntries(
      apiMethodNames.map((method) => [method, (input: unknown) => unwrap(() => transport(method, input))]),
    ),
  ) as unknown as CustosApi
}

/** The value of a reply, or its error as a CustosError; also for the bridge's file routes. */
export async function unwrap(call: () => Promise<unknown>): Promise<unknown> {
  let reply: unknown
  try {
    reply = await call()
  } catch (error) {
    throw new CustosError('Internal', error instanceof Error ? error.message : 'The Custos node did not answer.')
  }
  if (!isReply(reply)) throw new CustosError('Internal', 'The Custos node gave an answer that cannot be read.')
  if (reply.ok) return reply.value
  throw new CustosError(knownCode(reply.error.code), reply.error.message)
}

function isReply(value: unknown): value is IpcReply {
  if (typeof value !== 'object' || value === null) return false
  const reply = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
  if (reply.ok === true) return true
  return reply.ok === false && typeof reply.error?.code === 'string' && typeof reply.error.message === 'string'
}

// A code this build does not know (a newer node, say) still arrives as a CustosError, with its message.
function knownCode(code: string): CustosErrorCode {
  return (custosErrorCodes as readonly string[]).includes(code) ? (code as CustosErrorCode) : 'Internal'
}
