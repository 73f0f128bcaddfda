import http from 'node:http'

/**
 * Tight on purpose, on every server the node runs: a slow client (slowloris) holds a socket for 10 s
 * of headers and 30 s of request at most (Node's defaults are 60 s and 300 s, checked every 30 s), an
 * idle keep-alive connection 5 s, and one connection serves at most 100 requests before it is closed.
 */
export const SERVER_LIMITS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
  maxRequestsPerSocket: 100,
} as const

export function createLimitedServer(handler?: http.RequestListener): http.Server {
  const { maxRequestsPerSocket, ...options } = SERVER_LIMITS
  const server = handler ? http.createServer(options, handler) : http.createServer(options)
  server.maxRequestsPerSocket = maxRequestsPerSocket
  return server
}
