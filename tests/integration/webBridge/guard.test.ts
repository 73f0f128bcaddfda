import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startWebBridge } from '../../../electron/node/webBridge'

import { apiCall, exchangeToken, rawRequest, SESSION_HEADER, signIn } from '../../helpers/browser/bridgeHttp'
import { SECRET, startBridgeFixture, type BridgeFixture } from './fixture'

describe('web bridge: who may call the API', () => {
  let fixture: BridgeFixture
  let origin: string
  let session: Record<string, string>
  beforeAll(async () => {
    fixture = await startBridgeFixture()
    origin = fixture.bridge.origin
    session = await signIn(fixture.bridge.url)
  })
  afterAll(() => fixture.close())

  it('listens on 127.0.0.1, sets no cookie, and trades the printed token for a session once', async () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const { pathname, search } = new URL(fixture.bridge.url)
    const page = await rawRequest(origin, { path: pathname + search })
    expect(page.status).toBe(200)
    expect(page.headers['set-cookie']).toBeUndefined()
    // Used in beforeAll: a second exchange of the same link (history, a copy) is refused.
    const again = await exchangeToken(fixture.bridge.url)
    expect(again.status).toBe(401)
    expect(JSON.parse(again.body).error.message).toContain('used already')
    expect(again.headers['set-cookie']).toBeUndefined()
    const wrong = await exchangeToken(`${origin}/?token=not-the-token`)
    expect(wrong.status).toBe(401)
  })

  it('says how to build the UI when out/renderer is missing', async () => {
    await expect(startWebBridge({ node: fixture.node, rendererDir: '/nonexistent/renderer' })).rejects.toThrow(
      'Run `npm run build` first.',
    )
  })

  it('refuses an API call without the session (401) and with a wrong one (401)', async () => {
    const none = await apiCall(origin, 'vault.status', undefined)
    expect(none.status).toBe(401)
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'Unauthorized' } })
    expect(JSON.parse(none.body).error.message).toContain('?token=')
    const forged = await apiCall(origin, 'vault.status', undefined, { [SESSION_HEADER]: 'forged' })
    expect(forged.status).toBe(401)
    // The session is a header, never a cookie: a cookie carrying it does nothing.
    const asCookie = await apiCall(origin, 'vault.status', undefined, {
      Cookie: `custos_session=${session[SESSION_HEADER]}`,
    })
    expect(asCookie.status).toBe(401)
  })

  it('refuses a call with a foreign Origin or none (403), and a foreign Host (DNS rebinding)', async () => {
    const foreign = await apiCall(origin, 'vault.status', undefined, { ...session, Origin: 'http://evil.test' })
    expect(foreign.status).toBe(403)
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'Forbidden' } })
    const otherPort = await apiCall(origin, 'vault.status', undefined, { ...session, Origin: `${origin}1` })
    expect(otherPort.status).toBe(403)
    const noOrigin = await rawRequest(origin, {
      method: 'POST',
      path: '/api/vault.status',
      headers: { ...session, 'Content-Type': 'application/json' },
    })
    expect(noOrigin.status).toBe(403)
    const rebound = await apiCall(origin, 'vault.status', undefined, { ...session, Host: 'evil.test' })
    expect(rebound.status).toBe(403)
  })

  it('answers a call with the session and its own Origin, and explains bad input', async () => {
    const ok = await apiCall(origin, 'vault.status', undefined, session)
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    const put = await apiCall(origin, 'selfDeclared.put', { label: 'City', value: 'Utrecht' }, session)
    expect(JSON.parse(put.body)).toMatchObject({ ok: true, value: { label: 'City', value: 'Utrecht' } })
    const bad = await apiCall(origin, 'selfDeclared.put', { label: '', value: 'x' }, session)
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
    expect(JSON.parse(bad.body).error.message).toContain('Give the item a label.')
    const notJson = await apiCall(origin, 'vault.status', undefined, { ...session, 'Content-Type': 'text/plain' })
    expect(notJson.status).toBe(400)
  })

  it('serves the renderer (no secret in it) with the strict CSP at its own Host only, and nothing outside it', async () => {
    expect((await rawRequest(origin, { path: '/', headers: { Host: 'evil.test' } })).status).toBe(403)
    const page = await rawRequest(origin, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('stand-in')
    for (const directive of ["script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) {
      expect(page.headers['content-security-policy']).toContain(directive)
    }
    expect(page.headers['content-security-policy']).not.toContain('unsafe')
    const asset = await rawRequest(origin, { path: '/assets/app.js', headers: session })
    expect(asset.headers['content-type']).toMatch(/javascript/)
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/link.txt',
      '/%00index.html',
    ]
    for (const path of attempts) {
      const reply = await rawRequest(origin, { path, headers: session })
      expect(reply.status, path).toBe(404)
      expect(reply.body, path).not.toContain(SECRET)
    }
  })
})
