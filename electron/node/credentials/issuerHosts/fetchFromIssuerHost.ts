import https from 'node:https'
import tls from 'node:tls'

/** How an issuer's host is reached: the system's certificate authorities plus any the node was given. */
export interface IssuerHostsOptions {
  /**
   * PEM certificates of authorities trusted for issuers' hosts besides the system's (a test or demo CA).
   * The node's own option, so nothing global (NODE_TLS_REJECT_UNAUTHORIZED, NODE_EXTRA_CA_CERTS) changes.
   */
  extraCaCertificates?: string[]
  /** How long one fetch may take; 10 s by default. */
  timeoutMs?: number
}

/** What an issuer's host may send for one document: a DID document or a JSON-LD context is far smaller. */
export const MAX_ISSUER_DOCUMENT_BYTES = 256 * 1024

/** A fetch from an issuer's host that did not give a usable answer; `message` says why in words. */
export class IssuerHostError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IssuerHostError'
  }
}

const TLS_REASONS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate is not from an authority the node trusts',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is not from an authority the node trusts',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its certificate is not from an authority the node trusts',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host',
}

function reasonOf(error: NodeJS.ErrnoException): string {
  const code = error.code ?? ''
  return TLS_REASONS[code] ?? `it could not be reached (${code || error.message})`
}

/**
 * GET of one https URL, and nothing else: no redirects are followed (a redirect would lead to another
 * host), the answer must be 200 with at most MAX_ISSUER_DOCUMENT_BYTES, within the timeout. Node's own
 * https client, as it takes the CA list per request; web-did-resolver's cross-fetch takes none.
 */
export function fetchFromIssuerHost(url: URL, options: IssuerHostsOptions = {}): Promise<Buffer> {
  if (url.protocol !== 'https:') return Promise.reject(new IssuerHostError(`${url.href} is not an https address`))
  const ca = [...tls.rootCertificates, ...(options.extraCaCertificates ?? [])]
  return new Promise((resolve, reject) => {
    const fail = (message: string) => reject(new IssuerHostError(`${url.origin}: ${message}`))
    const request = https.get(
      url,
      { ca, timeout: options.timeoutMs ?? 10_000, headers: { accept: 'application/did+ld+json, application/json' } },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume()
          return fail(`${url.pathname} answered ${response.statusCode ?? 'nothing'}, not the document`)
        }
        const declared = Number(response.headers['content-length'] ?? 0)
        if (declared > MAX_ISSUER_DOCUMENT_BYTES) {
          request.destroy()
          return fail(`${url.pathname} is larger than ${MAX_ISSUER_DOCUMENT_BYTES} bytes`)
        }
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_ISSUER_DOCUMENT_BYTES) {
            request.destroy()
            fail(`${url.pathname} is larger than ${MAX_ISSUER_DOCUMENT_BYTES} bytes`)
          } else chunks.push(chunk)
        })
        response.on('end', () => resolve(Buffer.concat(chunks)))
        response.on('error', (error) => fail(reasonOf(error)))
      },
    )
    request.on('timeout', () => {
      request.destroy()
      fail(`no answer within ${options.timeoutMs ?? 10_000} ms`)
    })
    request.on('error', (error) => fail(reasonOf(error)))
  })
}

/** The node's IssuerHostsOptions, for what fetches from issuers' hosts besides the DID resolver. */
export class IssuerHostsConfig {
  constructor(readonly options: IssuerHostsOptions = {}) {}
}
