import { CredoError } from '@credo-ts/core'
import { MessageSendingError } from '@credo-ts/didcomm'

import { CustosError, InvalidInputError, PeerUnreachableError } from '../../../shared/errors'

/**
 * Runs a step that talks to another node and turns Credo's errors into ones a person can act on:
 * a send failure or a timeout means the other side is not there (try later); any other Credo error
 * means the invitation itself cannot be used.
 */
export async function withPeerErrors<T>(peer: string, unusable: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task()
  } catch (error) {
    if (error instanceof CustosError) throw error
    // Timeouts surface as rxjs TimeoutError, send failures as MessageSendingError.
    if (error instanceof MessageSendingError || (error instanceof Error && error.name === 'TimeoutError')) {
      throw new PeerUnreachableError(`${peer}: ${error.message}`, { cause: error })
    }
    if (error instanceof CredoError) throw new InvalidInputError(`${unusable} (${error.message}).`)
    throw error
  }
}
