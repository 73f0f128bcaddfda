import type { ServerResponse } from 'node:http'

import { CredoError, utils, type AgentContext } from '@credo-ts/core'
import { type DidCommEncryptedMessage, type DidCommTransportSession } from '@credo-ts/didcomm'
import WebSocket from 'ws'

/**
 * One HTTP request: the agent may answer on it (return route); otherwise it is answered 202 once the
 * message has been processed. Credo closes a session it will not answer on before it dispatches the
 * message, so a 202 sent then would tell the sender "delivered" before anything was stored, and let
 * back-to-back messages from one sender be processed out of order. So `close` leaves the request open;
 * `finish`, called by the transport after processing, sends the 202.
 */
export class HttpSession implements DidCommTransportSession {
  readonly id = utils.uuid()
  readonly type = 'http'
  keys?: DidCommTransportSession['keys']
  inboundMessage?: DidCommTransportSession['inboundMessage']
  connectionId?: string

  constructor(
    private readonly res: ServerResponse,
    private readonly contentType: string,
  ) {}

  async send(_agentContext: AgentContext, encryptedMessage: DidCommEncryptedMessage): Promise<void> {
    if (this.res.headersSent) throw new CredoError('http transport session has been closed.')
    this.res.writeHead(200, { 'Content-Type': this.contentType }).end(JSON.stringify(encryptedMessage))
  }

  async close(): Promise<void> {}

  finish(): void {
    if (!this.res.headersSent) this.res.writeHead(202).end()
  }
}

/** One WebSocket: stays open so a mediator can push messages back over it. */
export class WsSession implements DidCommTransportSession {
  readonly id = utils.uuid()
  readonly type = 'WebSocket'
  keys?: DidCommTransportSession['keys']
  inboundMessage?: DidCommTransportSession['inboundMessage']
  connectionId?: string

  constructor(private readonly socket: WebSocket) {}

  async send(_agentContext: AgentContext, encryptedMessage: DidCommEncryptedMessage): Promise<void> {
    if (this.socket.readyState !== WebSocket.OPEN) throw new CredoError('WebSocket transport session has been closed.')
    await new Promise<void>((resolve, reject) =>
      this.socket.send(JSON.stringify(encryptedMessage), (error) =>
        error ? reject(new CredoError('WebSocket send failed.', { cause: error })) : resolve(),
      ),
    )
  }

  // Credo closes sessions it will not answer on; a WebSocket is kept for later messages either way.
  async close(): Promise<void> {}
}
