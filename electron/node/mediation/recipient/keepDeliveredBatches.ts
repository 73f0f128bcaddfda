import { type AgentContext } from '@credo-ts/core'
import {
  DidCommOutboundMessageContext,
  DidCommProblemReportError,
  DidCommMessageDeliveryV2Message,
  DidCommMessagesReceivedV2Message,
  type DidCommMessageHandler,
  type DidCommMessageHandlerMiddleware,
} from '@credo-ts/didcomm'

import { InboundQueue } from '../../transports'
import { ERROR_PROCESSING_ATTACHMENTS, roomInSpool } from './roomInSpool'

type MessageHandlerMiddleware = DidCommMessageHandlerMiddleware

/**
 * A batch picked up from our mediator (pickup v2 delivery) is acknowledged only once every message in it
 * is on disk in the inbound spool. Credo's own handler acknowledges at once and keeps the messages in
 * memory until it gets to them; the mediator then deletes them, and a crash during a long drain lost all
 * that were still waiting. Kept in the spool, they are processed like anything else that arrived: after
 * a crash, once; while the next batch is being fetched, with several in flight.
 */
export const keepDeliveredBatches: MessageHandlerMiddleware = async (messageContext, next) => {
  if (messageContext.message instanceof DidCommMessageDeliveryV2Message)
    messageContext.setMessageHandler(spoolingHandler)
  await next()
}

const spoolingHandler: DidCommMessageHandler = {
  supportedMessages: [DidCommMessageDeliveryV2Message],
  async handle(messageContext) {
    const connection = messageContext.assertReadyConnection()
    const message = messageContext.message as DidCommMessageDeliveryV2Message
    const attachments = message.appendedAttachments
    if (!attachments?.length) {
      throw new DidCommProblemReportError('Error processing attachments', {
        problemCode: ERROR_PROCESSING_ATTACHMENTS,
      })
    }
    const queue = resolveQueue(messageContext.agentContext)
    const remote = `mediator:${connection.id}`
    const bodies = attachments.map((attachment) => JSON.stringify(attachment.getDataAsJson()))
    await roomInSpool(queue, remote, bodies)
    await queue.spool.appendBatch(remote, bodies)
    queue.drainer.kick()
    return new DidCommOutboundMessageContext(
      new DidCommMessagesReceivedV2Message({ messageIdList: attachments.map((attachment) => attachment.id) }),
      { agentContext: messageContext.agentContext, connection },
    )
  },
}

function resolveQueue(agentContext: AgentContext): InboundQueue {
  return agentContext.dependencyManager.resolve(InboundQueue)
}
