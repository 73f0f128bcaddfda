import ICU from 'i18next-icu'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SignInStatus } from '../../../shared/api'
import type { CustosNode } from '../../../electron/node'
import { CALLBACK_PATH } from '../../../electron/node/openid4vc/loopbackRedirect'
import { SignInService } from '../../../electron/node/openid4vc/SignInService'
import { i18next } from '../../../renderer/src/i18n/i18n'
import de from '../../../renderer/src/i18n/locales/de.json'
import en from '../../../renderer/src/i18n/locales/en.json'
import nl from '../../../renderer/src/i18n/locales/nl.json'
import { OfferCard } from '../../../renderer/src/screens/openid4vc/OfferCard'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { signInWithBrowser } from './browser'
import { ACCOUNT_CLAIMS } from './plainAgents'
import { startAuthorizationServer, startSignInIssuer } from './signInIssuer'

/**
 * OpenID4VCI's authorization code flow: a Custos node takes an offer from a plain Credo 0.6.3 issuer
 * whose authorization server is panva's oidc-provider, over HTTP on 127.0.0.1. The test plays the
 * person's browser against the server's own sign-in pages; the node listens on a loopback redirect.
 */
describe('a Custos node signs in at the issuer (authorization code with PKCE)', () => {
  const tmp = makeTmpDir('custos-oid4vc-signin-')
  let as: Awaited<ReturnType<typeof startAuthorizationServer>>
  let issuer: Awaited<ReturnType<typeof startSignInIssuer>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    as = await startAuthorizationServer()
    issuer = await startSignInIssuer(`${tmp.dir}/bank`, as.issuer)
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await as?.close()
    tmp.cleanup()
  })

  async function ended(id: string): Promise<SignInStatus> {
    const deadline = Date.now() + 20_000
    for (;;) {
      const status = await api['openid4vc.signInStatus']({ id })
      if (status.state !== 'waiting') return status
      if (Date.now() > deadline) throw new Error('the sign-in did not end')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  async function started() {
    const { credentialOffer } = await issuer.offer()
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    return { summary, start: await api['openid4vc.startSignIn']({ offer: summary.offer }) }
  }

  it('refuses to take a sign-in offer without the sign-in; the card offers the sign-in instead', async () => {
    const { credentialOffer } = await issuer.offer()
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    expect(summary.grant).toBe('authorization_code')
    await expect(api['openid4vc.acceptOffer']({ offer: summary.offer })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('sign-in'),
    })
    expect(await api['credentials.list'](undefined)).toHaveLength(0)
    // Nor is a sign-in started for an offer that needs none, or for a format the node cannot keep.
    const preAuthorized = await issuer.offer('account', true)
    await expect(api['openid4vc.startSignIn']({ offer: preAuthorized.credentialOffer })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    const diploma = await issuer.offer('diploma')
    await expect(api['openid4vc.startSignIn']({ offer: diploma.credentialOffer })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining('ldp_vc'),
    })
    expect(await api['credentials.list'](undefined)).toHaveLength(0)

    // The card offers the sign-in instead of "Take it", in each language of the catalogues.
    await i18next.use(ICU).init({
      resources: { de: { translation: de }, en: { translation: en }, nl: { translation: nl } },
      fallbackLng: 'en',
      nsSeparator: false,
      interpolation: { escapeValue: false },
    })
    for (const [language, catalogue] of [
      ['de', de],
      ['en', en],
      ['nl', nl],
    ] as const) {
      await i18next.changeLanguage(language)
      const card = renderToStaticMarkup(
        createElement(
          I18nextProvider,
          { i18n: i18next },
          createElement(OfferCard, { offer: summary, onDone: () => {} }),
        ),
      )
      expect(card).toContain(catalogue.openid4vc.signIn)
      expect(card).not.toContain(`>${catalogue.openid4vc.take}</button>`)
    }
  })

  it('ignores a redirect with another state, then takes the credential after the person signs in', async () => {
    const { start } = await started()
    const request = new URL(start.authorizationUrl)
    expect(request.origin).toBe(as.issuer)
    // Pushed (RFC 9126): the browser's address carries only the reference; PKCE and state went with the push.
    expect(request.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/)

    const held = await signInWithBrowser(start.authorizationUrl, { holdRedirectTo: CALLBACK_PATH })
    const back = new URL(held.url)
    expect(back.pathname).toBe(CALLBACK_PATH)
    expect(back.searchParams.get('code')).toBeTruthy()
    // Another page sending the browser back with its own code and state changes nothing.
    const sent = back.searchParams.get('state')!
    back.searchParams.set('state', 'not-ours')
    expect((await fetch(back)).status).toBe(400)
    // Nor does one naming another authorization server (RFC 9207 mix-up), even with our state.
    expect(new URL(held.url).searchParams.get('iss')).toBe(as.issuer)
    back.searchParams.set('state', sent)
    back.searchParams.set('iss', 'http://127.0.0.1:1/other')
    expect((await fetch(back)).status).toBe(400)
    expect((await api['openid4vc.signInStatus']({ id: start.id })).state).toBe('waiting')

    const page = await fetch(held.url)
    expect(await page.text()).toContain('Signed in')
    const status = await ended(start.id)
    expect(status.error).toBeUndefined()
    expect(status).toMatchObject({ state: 'taken' })
    expect(status.credentials?.[0].claims).toMatchObject({ iban: ACCOUNT_CLAIMS.iban })
    const list = await api['credentials.list'](undefined)
    expect(list.map((credential) => credential.id)).toEqual([status.credentials?.[0].id])
    // One-shot: once the browser came back, the same redirect again takes nothing.
    const again = await fetch(held.url).catch(() => undefined)
    expect(again?.status ?? 'closed').not.toBe(200)
    expect(await api['credentials.list'](undefined)).toHaveLength(1)
  })

  it('says so and stores nothing when the person cancels at the issuer', async () => {
    const before = (await api['credentials.list'](undefined)).length
    const { start } = await started()
    await signInWithBrowser(start.authorizationUrl, { abort: true })
    const status = await ended(start.id)
    expect(status).toMatchObject({ state: 'failed', error: { code: 'CredentialRefused' } })
    expect(status.error?.message).toContain('aborted')
    expect(await api['credentials.list'](undefined)).toHaveLength(before)
  })

  it('gives up when nobody signs in in time, storing nothing', async () => {
    const before = (await api['credentials.list'](undefined)).length
    const service = node.agent.dependencyManager.resolve(SignInService)
    service.timeoutMs = 300
    try {
      const { start } = await started()
      const status = await ended(start.id)
      expect(status).toMatchObject({ state: 'failed', error: { code: 'NotFound' } })
      await expect(signInWithBrowser(start.authorizationUrl)).rejects.toThrow()
    } finally {
      service.timeoutMs = 10 * 60_000
    }
    expect(await api['credentials.list'](undefined)).toHaveLength(before)
    await expect(api['openid4vc.signInStatus']({ id: 'no-such-sign-in' })).rejects.toMatchObject({ code: 'NotFound' })
  })
})
