import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { walletLinkIn } from '../../electron/main/deepLinks'
import { offerLink, requestLink } from '../../electron/node/openid4vc'
import { linkKind } from '../../renderer/src/screens/openid4vc/linkKind'
import { EITHER_SCHEMES, OFFER_SCHEMES, REQUEST_SCHEMES, WALLET_SCHEMES } from '../../shared/walletSchemes'

const root = path.resolve(__dirname, '../..')

/** The schemes in electron-builder.yml's top-level `protocols` block (flow lists: `schemes: [a, b]`). */
function installerSchemes(): string[] {
  const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')
  const block = /^protocols:\n((?:[ #].*\n|\n)*)/m.exec(yml)?.[1] ?? ''
  return [...block.matchAll(/^\s+schemes:\s*\[([^\]]*)\]/gm)].flatMap(([, list]) =>
    list.split(',').map((scheme) => scheme.trim()),
  )
}

const offerQuery = '?credential_offer_uri=https%3A%2F%2Fbank.example%2Fo%2F1'
const requestQuery = '?client_id=x&request_uri=https%3A%2F%2Flender.example%2Fr%2F1'

// The schemes an EU issuer's or verifier's page opens a wallet with are registered by the installers, by
// the app at run time, and read by the node and the page: the same list everywhere.
describe('the wallet schemes the installers register and the node opens', () => {
  it('registers in the installers exactly custos:// and the schemes the node opens', () => {
    expect(installerSchemes().sort()).toEqual(['custos', ...WALLET_SCHEMES].sort())
    expect(new Set(installerSchemes()).size).toBe(installerSchemes().length)
  })

  it('names in links.ts no scheme that is not registered', () => {
    const source = fs.readFileSync(path.join(root, 'electron/node/openid4vc/links.ts'), 'utf8')
    const named = [...source.matchAll(/[`'"]([a-z][a-z0-9+.-]*):\/\//g)].map(([, scheme]) => scheme)
    expect(named.length).toBeGreaterThan(0)
    for (const scheme of named) expect(WALLET_SCHEMES).toContain(scheme)
  })

  it.each(OFFER_SCHEMES.map((scheme) => [scheme]))('opens %s:// as an offer everywhere', (scheme) => {
    const link = `${scheme}://${offerQuery}`
    expect(offerLink(link)).toBe(`openid-credential-offer://${offerQuery}`)
    expect(() => requestLink(`${scheme}://${requestQuery}`)).toThrow(/not a presentation request/)
    expect(linkKind(link)).toBe('offer')
    expect(walletLinkIn(['/usr/bin/custos', link])).toBe(link)
  })

  it.each(REQUEST_SCHEMES.map((scheme) => [scheme]))('opens %s:// as a request everywhere', (scheme) => {
    const link = `${scheme}://${requestQuery}`
    expect(requestLink(link)).toBe(`openid4vp://${requestQuery}`)
    expect(() => offerLink(`${scheme}://${offerQuery}`)).toThrow(/not a credential offer/)
    expect(linkKind(link)).toBe('request')
    expect(walletLinkIn(['/usr/bin/custos', link])).toBe(link)
  })

  it.each(EITHER_SCHEMES.map((scheme) => [scheme]))('opens %s:// as what its query carries', (scheme) => {
    expect(offerLink(`${scheme}://${offerQuery}`)).toBe(`openid-credential-offer://${offerQuery}`)
    expect(requestLink(`${scheme}://${requestQuery}`)).toBe(`openid4vp://${requestQuery}`)
    expect(linkKind(`${scheme}://${offerQuery}`)).toBe('offer')
    expect(linkKind(`${scheme}://${requestQuery}`)).toBe('request')
    expect(walletLinkIn(['/usr/bin/custos', `${scheme}://${requestQuery}`])).toBeDefined()
  })

  it('refuses a scheme nobody registered, in words, and leaves it unopened', () => {
    for (const link of [`openid://${offerQuery}`, `ftp://bank.example/${offerQuery}`]) {
      expect(() => offerLink(link)).toThrow(/is not a credential offer/)
      expect(walletLinkIn(['/usr/bin/custos', link])).toBeUndefined()
      expect(linkKind(link)).toBeUndefined()
    }
    expect(() => requestLink(`openid-vc://${requestQuery}`)).toThrow(/is not a presentation request/)
    // Web links carrying an offer or a request stay as they were.
    expect(offerLink(`https://bank.example/offer${offerQuery}`)).toBe(`https://bank.example/offer${offerQuery}`)
  })
})
