import type { DidCommMessageHandler, DidCommMessageHandlerInboundMessage } from '@credo-ts/didcomm'

import { agreementMessageClasses, type AnyAgreementMessage } from './messages'

type Receive = (context: DidCommMessageHandlerInboundMessage<AgreementMessageHandler>) => Promise<void>

/**
 * Every message of data agreements 1.0, over a ready connection only: who speaks is the connection, and
 * the keys that sign are checked against it. The holder and a company register it with their own step.
 */
export class AgreementMessageHandler implements DidCommMessageHandler {
  readonly supportedMessages = agreementMessageClasses
  constructor(private readonly onMessage: Receive) {}

  async handle(context: DidCommMessageHandlerInboundMessage<AgreementMessageHandler>): Promise<undefined> {
    context.assertReadyConnection()
    await this.onMessage(context)
    return undefined
  }
}

export type { AnyAgreementMessage }
