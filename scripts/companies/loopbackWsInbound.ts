import { randomUUID } from 'node:crypto'

import { CredoError, EventEmitter, type AgentContext } from '@credo-ts/core'
import {
  DidCommEventTypes,
  DidCommTransportService,
  type DidCommEncryptedMessage,
  type DidCommInboundTransport,
  type DidCommMessageReceivedEvent,
  type DidCommTransportSession,
} from '@credo-ts/didcomm'
import { WebSocket, type WebSocketServer } from 'ws'

/**
 * DIDComm over a WebSocket server the caller made (on 127.0.0.1), for plain Credo agents in tests: Credo
 * 0.6.3 ships no WebSocket inbound transport outside @credo-ts/node's alpha. Each socket is a transport
 * session, so answers and a mediator's live delivery go back over it.
 */
export class LoopbackWsInbound implements DidCommInboundTransport {
  constructor(private readonly server: WebSocketServer) {}

  async start(agentContext: AgentContext): Promise<void> {
    const transportService = agentContext.dependencyManager.resolve(DidCommTransportService)
    const events = agentContext.dependencyManager.resolve(EventEmitter)
    this.server.on('connection', (socket: WebSocket) => {
      const session = new WsSession(socket)
      socket.on('message', (data) => {
        let message: DidCommEncryptedMessage
        try {
          message = JSON.parse(data.toString()) as DidCommEncryptedMessage
        } catch {
          return
        }
        events.emit<DidCommMessageReceivedEvent>(agentContext, {
          type: DidCommEventTypes.DidCommMessageReceived,
          payload: { message, session },
        })
      })
      socket.on('close', () => transportService.removeSession(session))
    })
  }

  async stop(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

class WsSession implements DidCommTransportSession {
  readonly id = randomUUID()
  readonly type = 'WebSocket'

  constructor(private readonly socket: WebSocket) {}

  async send(_agentContext: AgentContext, message: DidCommEncryptedMessage): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) throw new CredoError('WebSocket transport session has been closed.')
    this.socket.send(JSON.stringify(message))
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close()
  }
}
