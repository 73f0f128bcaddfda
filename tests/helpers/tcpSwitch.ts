import net from 'node:net'

/**
 * The reverse proxy in front of several mediator instances, reduced to what a test steers: one public
 * port, each new TCP connection passed to the instance chosen for its kind at that moment (WebSocket
 * upgrades and plain HTTP apart), so a test decides which instance a recipient's socket and a sender's
 * forwards reach. Connections stay where they were sent.
 */
export class TcpSwitch {
  private readonly server = net.createServer((client) => this.accept(client))
  private readonly httpClients = new Set<net.Socket>()
  private targets = { ws: 0, http: 0 }
  private spread: number[] = []
  private turn = 0
  /** Connections passed to each port so far, by kind. */
  readonly passed = new Map<string, number>()

  private constructor() {}

  static async start(): Promise<TcpSwitch> {
    const proxy = new TcpSwitch()
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve))
    return proxy
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`
  }

  /** Where the next connections of each kind go. */
  route(targets: Partial<{ ws: number; http: number }>): void {
    this.targets = { ...this.targets, ...targets }
    if (targets.http !== undefined) this.spread = []
  }

  /** New plain-HTTP connections go to these ports in turn, as a round-robin proxy would send them. */
  spreadHttp(ports: number[]): void {
    this.spread = ports
  }

  /**
   * Ends the open plain-HTTP connections (a sender's keep-alive), so its next forward opens a new one and
   * follows the route. Only between sends: a request in flight on them would be cut.
   */
  dropHttp(): void {
    for (const socket of this.httpClients) socket.destroy()
    this.httpClients.clear()
  }

  close(): Promise<void> {
    for (const socket of this.httpClients) socket.destroy()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  private accept(client: net.Socket): void {
    client.once('data', (first: Buffer) => {
      const isWs = /^GET [^\r\n]*\r\n[\s\S]*upgrade:\s*websocket/i.test(first.toString('latin1'))
      const port = isWs
        ? this.targets.ws
        : this.spread.length > 0
          ? this.spread[this.turn++ % this.spread.length]
          : this.targets.http
      const key = `${isWs ? 'ws' : 'http'}:${port}`
      this.passed.set(key, (this.passed.get(key) ?? 0) + 1)
      const upstream = net.connect(port, '127.0.0.1')
      if (!isWs) this.httpClients.add(client)
      upstream.write(first)
      client.pipe(upstream).pipe(client)
      const end = () => {
        this.httpClients.delete(client)
        client.destroy()
        upstream.destroy()
      }
      client.on('error', end).on('close', end)
      upstream.on('error', end).on('close', end)
    })
    client.on('error', () => client.destroy())
  }
}
