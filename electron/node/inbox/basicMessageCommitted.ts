import { DidCommBasicMessageRepository, DidCommBasicMessageRole } from '@credo-ts/didcomm'

import type { MessageCommitProbe } from '../transports/spool/commitProbes'

/**
 * A received basic message is stored as a record under its thread id (the message's own id when it
 * starts a thread, Aries RFC 0008); a record there with the same content and sent time means its handler
 * ran to the end before the node died.
 */
export const basicMessageCommitted: MessageCommitProbe = {
  messageType: 'https://didcomm.org/basicmessage/1.0/message',
  async committed(agentContext, message) {
    const thread = message['~thread'] as { thid?: unknown } | undefined
    const threadId = typeof thread?.thid === 'string' ? thread.thid : message['@id']
    const found = await agentContext.dependencyManager
      .resolve(DidCommBasicMessageRepository)
      .findByQuery(agentContext, { threadId, role: DidCommBasicMessageRole.Receiver })
    const sent = typeof message.sent_time === 'string' ? new Date(message.sent_time) : undefined
    // Stored as Credo parsed it: compared in the same ISO form, whatever form the sender wrote.
    const sentTime = sent && !Number.isNaN(sent.getTime()) ? sent.toISOString() : undefined
    return found.some((record) => record.content === message.content && record.sentTime === sentTime)
  },
}
