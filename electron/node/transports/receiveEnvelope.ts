import { MessageReceiver, type Agent, type EncryptedMessage, type TransportSession } from '@credo-ts/core'

export type ReceiveOutcome = { ok: true } | { ok: false; stage: 'decrypt' | 'process'; error: string }

/**
 * Hands a checked envelope to the agent. Decryption is tried first on its own so that a message for
 * someone else is told apart from one that failed later, and so that it is refused before the
 * agent's receiver (which logs the payload it could not decrypt) ever sees it.
 */
export async function receiveEnvelope(
  agent: Agent,
  message: EncryptedMessage,
  session: TransportSession,
): Promise<ReceiveOutcome> {
  try {
    await agent.context.wallet.unpack(message)
  } catch (error) {
    // Decryption errors name keys and algorithms, never the plaintext, so their message is kept.
    const detail = error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : describe(error)
    return { ok: false, stage: 'decrypt', error: detail }
  }
  try {
    await agent.dependencyManager.resolve(MessageReceiver).receiveMessage(message, { session })
    return { ok: true }
  } catch (error) {
    return { ok: false, stage: 'process', error: describe(error) }
  }
}

// Only the error's name: messages from validation can quote the decrypted payload.
function describe(error: unknown): string {
  return error instanceof Error ? error.name : typeof error
}
