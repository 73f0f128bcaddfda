import type { WebSocket } from 'ws'

export const WS_CLOSE = {
  goingAway: 1001,
  malformed: 1007,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
  tryAgainLater: 1013,
} as const

/**
 * The only texts a socket is closed with. A close reason may hold at most 123 bytes and `ws` throws
 * past that; fixed texts also keep whatever a sender chose out of what goes back to it.
 */
export const CLOSE_REASON = {
  rateLimited: 'too many messages',
  notEnvelope: 'not a DIDComm envelope',
  locked: 'node is locked',
  refused: 'message refused',
  internal: 'internal error',
  busy: 'busy with other large messages',
} as const

export function closeWith(ws: WebSocket, code: number, reason: keyof typeof CLOSE_REASON): void {
  try {
    ws.close(code, CLOSE_REASON[reason])
  } catch {
    ws.terminate()
  }
}
