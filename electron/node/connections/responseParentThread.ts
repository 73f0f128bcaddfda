import {
  DidCommDidExchangeRequestMessage,
  DidCommDidExchangeResponseMessage,
  type DidCommMessageHandlerMiddleware,
} from '@credo-ts/didcomm'

type MessageHandlerMiddleware = DidCommMessageHandlerMiddleware

/**
 * Puts the parent thread id (the invitation's id, as the request carried it) on the DID exchange response
 * we send as inviter. RFC 0023 asks only for the thread id there, and Credo 0.5.19 sends only that; but an
 * agent that builds its `complete` from the response's ~thread (ACA-Py-like, issue 10) then sends a complete
 * without `pthid`, which RFC 0023 requires on the complete and Credo's handler refuses, so the exchange never
 * completes on our side. A `pthid` on the response is allowed by the thread decorator (RFC 0008) and
 * ignored by agents that do not look for it.
 *
 * Runs around Credo's handling of a request, where auto-accept (always on for our invitations) makes the
 * response; a response made later by hand through ConnectionsApi.acceptRequest would not pass here.
 */
export const responseCarriesParentThread: MessageHandlerMiddleware = async (messageContext, next) => {
  await next()
  const request = messageContext.message
  const response = messageContext.responseMessage?.message
  if (
    !(request instanceof DidCommDidExchangeRequestMessage) ||
    !(response instanceof DidCommDidExchangeResponseMessage)
  )
    return
  const parentThreadId = request.thread?.parentThreadId
  if (!parentThreadId || response.thread?.parentThreadId) return
  response.setThread({ ...response.thread, threadId: response.threadId, parentThreadId })
}
