import http from 'node:http'

/** POSTs one body to a DIDComm endpoint; resolves with the status (0 when the connection broke). */
export function post(endpoint: string, body: Buffer, headers: Record<string, string> = {}): Promise<number> {
  const url = new URL(endpoint)
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/',
        agent: false,
        headers: { 'Content-Type': 'application/didcomm-envelope-enc', 'Content-Length': body.length, ...headers },
      },
      (res) => {
        // The status counts as soon as it arrives: a refused sender may lose its socket while still sending.
        resolve(res.statusCode ?? 0)
        res.resume()
      },
    )
    req.once('error', () => resolve(0))
    req.end(body)
  })
}

/** How many of each status came back, e.g. { 202: 40, 503: 24 }. */
export function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {}
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1
  return counts
}
