import fs from 'node:fs'
import path from 'node:path'

import type { DcqlQuery, SdJwtVc } from '@credo-ts/core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser/chromium'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { makeTmpDir } from '../helpers/tmpDir'
import {
  ACCOUNT_CLAIMS,
  ACCOUNT_VCT,
  offerFrom,
  SAVINGS_CLAIMS,
  startIssuer,
  startVerifier,
} from '../integration/openid4vc/plainAgents'
import { readableWire } from '../integration/openid4vc/wire'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const PASSPHRASE = 'Harbour lights 7 over quiet water'

/** One account query whose claim sets accept the name with the IBAN, or the name with the income. */
const CLAIM_SETS = {
  credentials: [
    {
      id: 'account',
      format: 'dc+sd-jwt',
      meta: { vct_values: [ACCOUNT_VCT] },
      claims: [
        { id: 'name', path: ['family_name'] },
        { id: 'iban', path: ['iban'] },
        { id: 'income', path: ['monthly_income'] },
      ],
      claim_sets: [
        ['name', 'iban'],
        ['name', 'income'],
      ],
    },
  ],
} satisfies DcqlQuery

/**
 * In German, in Chromium against `serve --ui` and plain Credo 0.6.3 bank and lender: the bank names its
 * credential and claims in German and English, and the offer card and My data show the German names; the
 * person holds two accounts, and on the request card picks the other account and the other set of
 * statements the lender accepts; the lender verifies exactly those.
 */
describe('OpenID4VC in German: the issuer’s own names, and the person’s choice on the request card', () => {
  const tmp = makeTmpDir('custos-e2e-oid4vc-choice-')
  const wire: Record<string, unknown>[] = []
  let served: ServedUi
  let browser: Browser
  let german: Page
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) {
      throw new Error(`${INDEX} is missing: build the renderer first with \`npm run build\` (npm test does).`)
    }
    served = await serveUi(path.join(tmp.dir, 'me'), ['--label', 'Me'])
    issuer = await startIssuer(path.join(tmp.dir, 'bank'), [
      { name: 'Example Bank', locale: 'en' },
      { name: 'Beispielbank', locale: 'de' },
    ])
    verifier = await startVerifier(path.join(tmp.dir, 'lender'), (body) => wire.push(body))
    browser = await launchChromium()
    const page = await browser.newPage()
    await page.goto(served.url)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create store' }).click()
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()
    german = await (await browser.newContext({ locale: 'de-DE' })).newPage()
    await german.goto(await served.freshUrl())
    await german.getByRole('heading', { level: 1, name: 'Start' }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await issuer?.close()
    await verifier?.close()
    await served?.stop()
    tmp.cleanup()
  })

  const nav = (name: string) =>
    german.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('button', { name, exact: true }).click()

  async function open(link: string) {
    await german.getByLabel('Link vom Unternehmen').fill(link)
    await german.getByRole('button', { name: 'Öffnen', exact: true }).click()
  }

  it('shows the bank’s German names on the offer card and on My data', async () => {
    await nav('Meine Daten')
    await open((await offerFrom(issuer, false, 'named')).credentialOffer)
    const card = german.getByRole('region', { name: 'Angebot von Beispielbank' })
    await card.getByText('Kontoinhaberschaft', { exact: true }).waitFor()
    expect(await card.getByText('Account holdership').count()).toBe(0)
    await card.getByRole('button', { name: 'Annehmen', exact: true }).click()
    await german.getByText('1 Nachweis von Beispielbank gespeichert; er steht unter Meine Daten.').waitFor()
    const held = german.getByRole('listitem', { name: 'Kontoinhaberschaft' })
    await held.getByText('Kontonummer (IBAN)', { exact: true }).waitFor()
    await held.getByText('Monatliches Nettoeinkommen', { exact: true }).waitFor()
    // No German name from the bank for the family name: the catalogue's.
    await held.getByText('Nachname', { exact: true }).waitFor()

    await open((await offerFrom(issuer, false, 'savings')).credentialOffer)
    await german
      .getByRole('region', { name: 'Angebot von Beispielbank' })
      .getByRole('button', { name: 'Annehmen', exact: true })
      .click()
    await german.getByText(SAVINGS_CLAIMS.iban).waitFor()
  })

  it('lets the person pick the other account and the other statements; the lender verifies exactly those', async () => {
    const { authorizationRequest, verificationSession } =
      await verifier.agent.openid4vc.verifier.createAuthorizationRequest({
        verifierId: verifier.verifier.verifierId,
        requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
        dcql: { query: CLAIM_SETS },
        responseMode: 'direct_post',
        version: 'v1',
      })
    await nav('Anfragen')
    await open(authorizationRequest)
    const card = german.getByRole('listitem', { name: 'Anfrage von Example Lender' })
    await card.getByRole('button', { name: 'Ansehen, was geteilt würde' }).click()
    await card.getByRole('radio', { name: new RegExp(SAVINGS_CLAIMS.iban) }).check()
    await card.getByRole('radiogroup', { name: 'Was gezeigt wird' }).getByRole('radio', { name: /Monat/ }).check()
    await expect
      .poll(() => card.getByTestId('proposal').textContent())
      .toMatch(/Nachname und Monatseinkommen|Monatseinkommen und Nachname/)
    wire.length = 0
    await card.getByRole('button', { name: 'Teilen', exact: true }).click()
    await german.getByText('Mit Example Lender geteilt: Ihre Antwort wurde angenommen.').waitFor()

    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(verificationSession.id)
    const presented = (dcql?.presentations.account?.[0] as SdJwtVc).prettyClaims
    expect(presented).toMatchObject({ family_name: 'Mustermann', monthly_income: SAVINGS_CLAIMS.monthly_income })
    expect(presented).not.toHaveProperty('iban')
    const sent = readableWire(wire)
    for (const value of [SAVINGS_CLAIMS.iban, ACCOUNT_CLAIMS.iban, ACCOUNT_CLAIMS.given_name]) {
      expect(sent).not.toContain(value)
    }
  })
})
