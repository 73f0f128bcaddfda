import type { IncomingMessage, ServerResponse } from 'node:http'

import type { LiveTopic } from '../kernel'

const KEEPALIVE_MS = 25_000

/** Server-Sent Events to every page that holds the session; each event names a topic. */
export class EventStream {
  private readonly clients = new Set<ServerResponse>()
  private readonly keepalive: NodeJS.Timeout

  constructor() {
    // Proxies and browsers drop silent streams; a comment line now and then keeps them open.
    this.keepalive = setInterval(() => this.write(': keepalive\n\n'), KEEPALIVE_MS)
    this.keepalive.unref()
  }

  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' })
    res.write(': connected\n\n')
    this.clients.add(res)
    req.once('close', () => this.clients.delete(res))
  }

  publish(topic: LiveTopic, data: object = {}): void {
    this.write(`event: ${topic}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  close(): void {
    clearInterval(this.keepalive)
    for (const res of this.clients) res.end()
    this.clients.clear()
  }

  private write(text: string): void {
    for (const res of this.clients) res.write(text)
  }
}
