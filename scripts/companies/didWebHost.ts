import https from 'node:https'
import type { AddressInfo } from 'node:net'

import type { ServerCertificate } from './certificateAuthority'

/**
 * An issuer's own web host on 127.0.0.1 over HTTPS: serves `/.well-known/did.json` (and JSON-LD contexts
 * under their paths) from what it was given. Tests change what it serves to play a host that lies.
 */
export class DidWebHost {
  /** Path → JSON it serves; anything else is 404. */
  readonly documents = new Map<string, unknown>()
  /** How many GETs it answered, by path: a test checks what the node fetched. */
  readonly fetched = new Map<string, number>()

  private readonly server: https.Server

  private constructor(certificate: ServerCertificate) {
    this.server = https.createServer(certificate, (request, response) => {
      const path = new URL(request.url ?? '/', 'https://127.0.0.1').pathname
      this.fetched.set(path, (this.fetched.get(path) ?? 0) + 1)
      const document = this.documents.get(path)
      if (request.method !== 'GET' || document === undefined) {
        response.writeHead(404).end()
        return
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document))
    })
  }

  static async start(certificate: ServerCertificate, port = 0): Promise<DidWebHost> {
    const host = new DidWebHost(certificate)
    await new Promise<void>((resolve, reject) => {
      host.server.once('error', reject)
      host.server.listen(port, '127.0.0.1', resolve)
    })
    return host
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  /** The did:web this host stands for: `did:web:127.0.0.1%3A<port>`. */
  get did(): string {
    return `did:web:127.0.0.1%3A${this.port}`
  }

  get origin(): string {
    return `https://127.0.0.1:${this.port}`
  }

  stop(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}
