import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { makeTmpDir } from '../../helpers/tmpDir'
import { logText, startNode } from '../../helpers/nodes'
import { countLines } from './fixtures'
import { postEnvelope, rawRequest, wsSend } from './rawClient'

// Other loopback addresses stand in for other clients; the node itself listens on 127.0.0.1 only.
describe('inbound transports: a flood from one address is refused, everyone else is still served', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  let http: string
  let ws: string

  beforeAll(async () => {
    node = await startNode(`${tmp.dir}/carol`, { inbound: { rateLimit: { burst: 5, perSecond: 1 } } })
    ;[http, ws] = node.endpoints ?? []
  })
  afterAll(async () => {
    await node?.close()
    tmp.cleanup()
  })

  it('HTTP: 429 with Retry-After once the burst is spent, one log line, and served again after waiting', async () => {
    const logBefore = logText(node)
    const statuses: number[] = []
    let retryAfter = ''
    for (let i = 0; i < 9; i++) {
      const response = await postEnvelope(http, '{')
      statuses.push(response.status)
      if (response.status === 429) retryAfter = String(response.headers['retry-after'])
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429, 429])
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    expect(countLines(logText(node).slice(logBefore.length), 'inbound http 429 from 127.0.0.1')).toBe(1)

    expect((await postEnvelope(http, '{', { localAddress: '127.0.0.2' })).status).toBe(400)
    await new Promise((resolve) => setTimeout(resolve, Number(retryAfter) * 1000 + 100))
    expect((await postEnvelope(http, '{')).status).toBe(400)
  })

  it('WS: an upgrade over the limit gets 429, and a message over the limit closes the socket with 1008', async () => {
    const client = '127.0.0.3'
    for (let i = 0; i < 4; i++) await rawRequest(http, { method: 'GET', localAddress: client })
    // The fifth token opens the socket; its first message finds the bucket empty.
    const flooded = await wsSendFrom(client, ['{}'])
    expect(flooded.code).toBe(1008)
    const refused = await wsSendFrom(client, ['{}'])
    expect(refused.upgradeStatus).toBe(429)
    expect((await wsSendFrom('127.0.0.4', ['not json'])).code).toBe(1007)
  })

  function wsSendFrom(localAddress: string, frames: string[]) {
    return wsSend(ws, frames, 10_000, { localAddress })
  }
})
