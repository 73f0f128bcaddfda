import http from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiCall, rawRequest, signIn } from '../../helpers/browser/bridgeHttp'
import { startBridgeFixture, type BridgeFixture } from './fixture'

/** Opens the event stream and resolves each time a named event arrives. */
function openEvents(origin: string, session: Record<string, string>) {
  let text = ''
  const waiters: Array<() => void> = []
  const req = http.get(`${origin}/api/events`, { headers: session }, (res) => {
    res.setEncoding('utf8')
    res.on('data', (chunk: string) => {
      text += chunk
      for (const waiter of waiters.splice(0)) waiter()
    })
  })
  const waitFor = (needle: string) =>
    new Promise<void>((resolve) => {
      const check = () => (text.includes(needle) ? resolve() : waiters.push(check))
      check()
    })
  return { waitFor, close: () => req.destroy() }
}

describe('web bridge: live updates over Server-Sent Events', () => {
  let fixture: BridgeFixture
  let session: Record<string, string>
  beforeAll(async () => {
    fixture = await startBridgeFixture()
    session = await signIn(fixture.bridge.url)
  })
  afterAll(() => fixture.close())

  it('refuses the stream without the session', async () => {
    const reply = await rawRequest(fixture.bridge.origin, { path: '/api/events' })
    expect(reply.status).toBe(401)
  })

  it('tells a signed-in page when a self-declared item and the vault state change', async () => {
    const { origin } = fixture.bridge
    const stream = openEvents(origin, session)
    await stream.waitFor(': connected')
    await apiCall(origin, 'selfDeclared.put', { label: 'Name', value: 'Ada' }, session)
    await stream.waitFor('event: selfDeclared')
    await apiCall(origin, 'vault.lock', undefined, session)
    await stream.waitFor('event: vault\ndata: {"state":"locked"}')
    stream.close()
  })
})
