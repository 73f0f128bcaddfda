import type { DidCommEncryptedMessage } from '@credo-ts/didcomm'
import WebSocket from 'ws'

/** A delivery that did not arrive, or of which we cannot tell; the message stays queued. */
export class DeliveryFailedError extends Error {
  override readonly name = 'DeliveryFailedError'
}

/**
 * Sends one envelope to an endpoint and resolves only once it arrived as far as the transport can tell:
 * an HTTP 2xx, or a WebSocket send that completed. Credo's HttpOutboundTransport does not read the status
 * (a 429 or 503 counts as sent), which is fine for a sender that forgets a message; a mediator deletes the
 * message from its queue on success, so it must know.
 */
export async function sendEnvelope(
  endpoint: string,
  envelope: DidCommEncryptedMessage,
  timeoutMs: number,
): Promise<void> {
  const body = JSON.stringify(envelope)
  if (/^https?:/i.test(endpoint)) return post(endpoint, body, timeoutMs)
  if (/^wss?:/i.test(endpoint)) return sendOverWebSocket(endpoint, body, timeoutMs)
  throw new DeliveryFailedError(`no transport for ${endpoint}`)
}

async function post(endpoint: string, body: string, timeoutMs: number): Promise<void> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/didcomm-envelope-enc' },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: unknown) => {
    throw new DeliveryFailedError(`${endpoint} not reached`, { cause: error })
  })
  // A body would be an answer sealed for the original sender (a return route it asked for inside the
  // envelope); the mediator can neither read nor route it, so it is drained and dropped.
  await response.arrayBuffer().catch(() => undefined)
  if (!response.ok) throw new DeliveryFailedError(`${endpoint} answered ${response.status}`)
}

function sendOverWebSocket(endpoint: string, body: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(endpoint, { handshakeTimeout: timeoutMs })
    const fail = (why: string, cause?: unknown) => {
      clearTimeout(timer)
      socket.terminate()
      reject(new DeliveryFailedError(`${endpoint}: ${why}`, { cause }))
    }
    const timer = setTimeout(() => fail('timed out'), timeoutMs)
    socket.once('error', (error) => fail('socket error', error))
    socket.once('open', () =>
      socket.send(body, (error) => {
        if (error) return fail('send failed', error)
        clearTimeout(timer)
        socket.close(1000)
        resolve()
      }),
    )
  })
}
