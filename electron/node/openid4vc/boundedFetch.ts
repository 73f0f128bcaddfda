import { AsyncLocalStorage } from 'node:async_hooks'

import { CustosError } from '../../../shared/errors'

/**
 * The most the node reads of one answer from an issuer or verifier: a request object, an offer by
 * reference, metadata, a verifier's reply to an answer. Real ones are kilobytes; 1 MiB leaves room for
 * certificate chains and inline logos while a server that sends without end cannot fill the memory.
 */
export const MAX_PEER_RESPONSE_BYTES = 1024 * 1024

export class PeerResponseTooLargeError extends CustosError {
  constructor(peer: string) {
    super(
      'PeerResponseTooLarge',
      `${peer.charAt(0).toUpperCase()}${peer.slice(1)} sent more than ${MAX_PEER_RESPONSE_BYTES / 1024 / 1024} MiB; Custos stopped reading it and stored nothing.`,
    )
  }
}

/** Which counterparty an OpenID4VC exchange under way talks to (see withPeer); outside one, no limit applies. */
export const peerScope = new AsyncLocalStorage<{ peer: string }>()

function limitedBody(body: ReadableStream<Uint8Array>, peer: string): ReadableStream<Uint8Array> {
  let seen = 0
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength
        if (seen > MAX_PEER_RESPONSE_BYTES) controller.error(new PeerResponseTooLargeError(peer))
        else controller.enqueue(chunk)
      },
    }),
  )
}

/**
 * The agent's fetch, bounded inside an OpenID4VC exchange: an answer that says it is larger than the
 * limit is not read at all, and one that turns out larger stops being read at the limit; either way the
 * library's read fails with PeerResponseTooLarge. DIDComm and everything else fetch as before.
 */
export function boundedFetch(inner: typeof fetch): typeof fetch {
  const bounded = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const response = await inner(input, init)
    const scope = peerScope.getStore()
    if (!scope || !response.body) return response
    const { status, statusText, headers } = response
    if (Number(headers.get('content-length') ?? 0) > MAX_PEER_RESPONSE_BYTES) {
      // Refused unread. The failure comes with the read, not the fetch: libraries drop a fetch's own error.
      await response.body.cancel().catch(() => undefined)
      const refused = new ReadableStream<Uint8Array>({
        start: (controller) => controller.error(new PeerResponseTooLargeError(scope.peer)),
      })
      return new Response(refused, { status, statusText, headers })
    }
    return new Response(limitedBody(response.body, scope.peer), { status, statusText, headers })
  }
  return Object.assign(bounded, { custosBounded: true }) as typeof fetch
}

/** The oversized answer behind a library's error, if that is what it was. */
export function tooLarge(error: unknown): PeerResponseTooLargeError | undefined {
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 6; depth++) {
    if (cause instanceof PeerResponseTooLargeError) return cause
    cause = cause.cause
  }
  return undefined
}
