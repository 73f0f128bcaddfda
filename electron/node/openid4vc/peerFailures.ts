import { CustosError, InvalidInputError, PeerUnreachableError } from '../../../shared/errors'
import { peerScope, tooLarge } from './boundedFetch'

/** A fetch that never got an answer (refused, reset, DNS, timeout), wherever the library wrapped it. */
function unreachable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 6; depth++) {
    const code = (cause as { code?: unknown }).code
    if (cause.message === 'fetch failed' || cause.name === 'TimeoutError' || cause.name === 'AbortError') return true
    if (
      typeof code === 'string' &&
      /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH)$/.test(code)
    ) {
      return true
    }
    cause = cause.cause
  }
  return false
}

/**
 * Runs one exchange with an issuer or a verifier and says in words what went wrong: the peer could not be
 * reached, or what it sent could not be used. The library's own message is kept for the details fold.
 */
export async function withPeer<T>(peer: string, unusable: string, task: () => Promise<T>): Promise<T> {
  try {
    // Inside the scope the agent's fetch reads at most MAX_PEER_RESPONSE_BYTES of an answer (boundedFetch).
    return await peerScope.run({ peer }, task)
  } catch (error) {
    if (error instanceof CustosError) throw error
    const oversized = tooLarge(error)
    if (oversized) throw oversized
    if (unreachable(error)) {
      throw new PeerUnreachableError(peer, { cause: error })
    }
    const detail = error instanceof Error ? error.message.split('\n')[0].slice(0, 300) : String(error)
    throw new InvalidInputError(`${unusable} (${detail}).`)
  }
}
