import { type DependencyManager, type Module } from '@credo-ts/core'
import {
  DidCommDidExchangeCompleteMessage,
  DidCommDidExchangeResponseMessage,
  type DidCommConnectionRecord,
  DidCommMessageHandlerRegistry,
  parseInvitationUrl,
} from '@credo-ts/didcomm'

import { labelOf, type CredoAgent } from '../../helpers/credoAgent'

/**
 * What an ACA-Py-like agent does with an invitation, as issue 10 describes it: it takes an out-of-band
 * invitation only when the invitation has exactly one service, and refuses it otherwise (RFC 0434 allows
 * several). Acceptance itself is Credo's.
 */
export async function acceptSingleServiceInvitation(agent: CredoAgent, url: string): Promise<DidCommConnectionRecord> {
  const invitation = parseInvitationUrl(url)
  const services = invitation.getServices()
  if (services.length !== 1) {
    throw new Error(`invitation refused: it has ${services.length} services, exactly one is accepted`)
  }
  const { connectionRecord } = await agent.didcomm.oob.receiveInvitation(invitation, {
    label: labelOf(agent),
    autoAcceptInvitation: true,
    autoAcceptConnection: true,
  })
  if (!connectionRecord) throw new Error('the invitation made no connection')
  return connectionRecord
}

/**
 * The invitee side of DID exchange as issue 10 describes the other agent: it builds its `complete` from
 * the ~thread of the inviter's `response` (thread id and parent thread id both) and insists that the
 * parent thread id is there; without it no complete is sent. Credo's own handling is otherwise unchanged.
 */
export class CompleteFromResponseThreadModule implements Module {
  /** The parent thread id of every response received, in order (undefined where there was none). */
  readonly responseParents: Array<string | undefined> = []

  register(dependencyManager: DependencyManager): void {
    dependencyManager
      .resolve(DidCommMessageHandlerRegistry)
      .registerMessageHandlerMiddleware(async (messageContext, next) => {
        if (messageContext.message instanceof DidCommDidExchangeResponseMessage)
          this.responseParents.push(messageContext.message.thread?.parentThreadId)
        await next()
        const response = messageContext.message
        const complete = messageContext.responseMessage?.message
        if (
          !(response instanceof DidCommDidExchangeResponseMessage) ||
          !(complete instanceof DidCommDidExchangeCompleteMessage)
        )
          return
        const parentThreadId = response.thread?.parentThreadId
        if (!parentThreadId) {
          messageContext.responseMessage = undefined
          throw new Error('DID exchange response refused: its ~thread has no pthid to build the complete from')
        }
        complete.setThread({ threadId: response.threadId, parentThreadId })
      })
  }
}
