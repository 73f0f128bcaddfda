import { type DependencyManager, type Module } from '@credo-ts/core'
import {
  DidCommMessageForwardingStrategy,
  DidCommMessageHandlerRegistry,
  DidCommModuleConfig,
  DidCommTransportService,
  DidCommTrustPingMessage,
} from '@credo-ts/didcomm'

import { startCredoAgent, type CredoScheme } from '../../helpers/credoAgent'

/**
 * What a mediator that offers implicit delivery does when a recipient opens a return-route socket: it
 * sends down that socket what it queued while there was none. Credo's own mediator only answers there.
 */
class FlushOnReturnRouteModule implements Module {
  register(dependencyManager: DependencyManager): void {
    dependencyManager
      .resolve(DidCommMessageHandlerRegistry)
      .registerMessageHandlerMiddleware(async (messageContext, next) => {
        await next()
        const { agentContext, connection, message, sessionId } = messageContext
        if (!(message instanceof DidCommTrustPingMessage) || !message.hasReturnRouting() || !connection || !sessionId)
          return
        const session = agentContext.dependencyManager.resolve(DidCommTransportService).findSessionById(sessionId)
        if (!session) return
        const queue = agentContext.dependencyManager.resolve(DidCommModuleConfig).queueTransportRepository
        const held = await queue.takeFromQueue(agentContext, { connectionId: connection.id, deleteMessages: true })
        for (const queued of held) await session.send(agentContext, queued.encryptedMessage)
      })
  }
}

/**
 * A mediator that supports neither pickup v1 nor v2 (pickup messages get Credo's problem report for an
 * unsupported message type) and delivers only implicitly: forwards go straight down a socket the recipient
 * holds with return_route, and wait in its in-memory queue otherwise. A plain Credo agent, so configured.
 */
export function startImplicitOnlyMediator(dir: string, ports?: Partial<Record<CredoScheme, number>>) {
  return startCredoAgent({
    dir,
    label: 'implicit-only mediator',
    inbound: ['http', 'ws'],
    ports,
    didcomm: {
      mediator: {
        autoAcceptMediationRequests: true,
        messageForwardingStrategy: DidCommMessageForwardingStrategy.DirectDelivery,
      },
      messagePickup: { protocols: [] },
    },
    modules: { flushOnReturnRoute: new FlushOnReturnRouteModule() },
  })
}
