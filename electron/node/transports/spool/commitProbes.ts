import type { AgentContext } from '@credo-ts/core'

/**
 * Tells whether a message's handler already committed its effect. Asked only for envelopes a previous
 * process left in the spool: the node may have died after the handler saved and before the message id
 * reached `seen-ids`. The handler's records and that file cannot share a transaction, so the capability
 * that owns a message type says how to recognise its own effect in the store.
 */
export interface MessageCommitProbe {
  /** The DIDComm message type URI it recognises, e.g. https://didcomm.org/basicmessage/1.0/message. */
  readonly messageType: string
  committed(agentContext: AgentContext, message: { '@id': string; [key: string]: unknown }): Promise<boolean>
}

/** Capabilities register their probes under this token (registerInstance, one per message type). */
export const MESSAGE_COMMIT_PROBE = Symbol('CustosMessageCommitProbe')

export async function alreadyCommitted(
  agentContext: AgentContext,
  message: { '@id': string; '@type'?: unknown },
): Promise<boolean> {
  const container = agentContext.dependencyManager.container
  if (!container.isRegistered(MESSAGE_COMMIT_PROBE, true)) return false
  const type = typeof message['@type'] === 'string' ? normalise(message['@type']) : undefined
  for (const probe of container.resolveAll<MessageCommitProbe>(MESSAGE_COMMIT_PROBE)) {
    if (normalise(probe.messageType) === type && (await probe.committed(agentContext, message))) return true
  }
  return false
}

// Older agents still send the did:sov prefix for the same protocols (Aries RFC 0348).
function normalise(type: string): string {
  return type.replace('did:sov:BzCbsNYhMrjHiqZDTUASHg;spec/', 'https://didcomm.org/')
}
