import fs from 'node:fs'
import path from 'node:path'

import type { SdJwtVc } from '@credo-ts/core'
import { OpenId4VcIssuanceSessionState, OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import type { Browser, Page } from 'playwright-core'
import QRCode from 'qrcode'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchChromium } from '../helpers/browser/chromium'
import { checkScreen } from '../helpers/browser/screens'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { makeTmpDir } from '../helpers/tmpDir'
import {
  ACCOUNT_CLAIMS,
  offerFrom,
  startIssuer,
  startVerifier,
  UNASKED_ACCOUNT_VALUES,
} from '../integration/openid4vc/plainAgents'
import { ASKED, lenderRequest } from '../integration/openid4vc/lenderRequest'
import { readableWire } from '../integration/openid4vc/wire'
import { rawTextOn } from './mortgage/rawText'
import { openScreen } from './steps/myData'
import { offerAndDeclineInGerman } from './steps/openid4vc'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const PASSPHRASE = 'Harbour lights 7 over quiet water'

/**
 * One offer and one request walked through the screens in Chromium against `serve --ui` (real node, real
 * store): a plain Credo 0.6.3 bank offers an account credential by OpenID4VCI 1.0 with a transaction code,
 * the person takes it on My data; a plain Credo 0.6.3 lender asks by OpenID4VP 1.0 with DCQL for two of its
 * six claims, the person opens the request from a picture of its QR code and shares on the request card;
 * the lender verifies exactly those two claims, the wire carries none of the others, History has it.
 */
describe('an OpenID4VC offer and request through the web UI (plain Credo 0.6.3 bank and lender)', () => {
  const tmp = makeTmpDir('custos-e2e-oid4vc-')
  const wire: Record<string, unknown>[] = []
  const pageProblems: string[] = []
  let served: ServedUi
  let browser: Browser
  let page: Page
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) {
      throw new Error(`${INDEX} is missing: build the renderer first with \`npm run build\` (npm test does).`)
    }
    served = await serveUi(path.join(tmp.dir, 'me'), ['--label', 'Me'])
    issuer = await startIssuer(path.join(tmp.dir, 'bank'))
    verifier = await startVerifier(path.join(tmp.dir, 'lender'), (body) => wire.push(body))
    browser = await launchChromium()
    page = await browser.newPage()
    page.on('pageerror', (error) => pageProblems.push(error.message))
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) pageProblems.push(message.text())
    })
  })

  afterAll(async () => {
    await browser?.close()
    await issuer?.close()
    await verifier?.close()
    await served?.stop()
    tmp.cleanup()
  })

  it('onboards', async () => {
    await page.goto(served.url)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create store' }).click()
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()
  })

  it('takes the bank’s offer on My data, after the code the bank sent another way', async () => {
    const { credentialOffer, issuanceSession } = await offerFrom(issuer, true)
    await openScreen(page, 'My data')
    const link = page.getByLabel('Link from the company')
    await link.fill('hello, this is no link')
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await page.getByRole('alert').getByText('This is not a link that offers or asks for data.').waitFor()

    await link.fill(credentialOffer)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    const card = page.getByRole('region', { name: 'Offer from Example Bank' })
    await card.getByText('Account holder', { exact: true }).waitFor()
    await card.getByText('Where to find it: The code in your bank letter. 6 digits.').waitFor()
    expect(await card.getByText('OpenID4VCI 1.0').isVisible()).toBe(false)
    await checkScreen(page, 'oid4vc-01-offer')

    await card.getByRole('button', { name: 'Take it' }).click()
    await card
      .getByRole('alert')
      .getByText(/^The issuer asks for the code it sent you/)
      .waitFor()
    // Refused in the page: the bank was not asked for a token.
    expect([OpenId4VcIssuanceSessionState.OfferCreated, OpenId4VcIssuanceSessionState.OfferUriRetrieved]).toContain(
      (await issuer.agent.openid4vc.issuer.getIssuanceSessionById(issuanceSession.id)).state,
    )
    await card.getByLabel('Code from the issuer').fill(issuanceSession.userPin ?? '')
    await card.getByRole('button', { name: 'Take it' }).click()
    await page.getByText('Stored 1 credential from Example Bank; it is listed under My data.').waitFor()
    const held = page.getByRole('list', { name: 'Credentials' }).getByRole('listitem')
    await held.getByText('Mustermann').first().waitFor()
    await checkScreen(page, 'oid4vc-02-offer-taken')
  })

  it('answers the lender’s DCQL request on the request card: the lender verifies exactly the two claims asked', async () => {
    const { authorizationRequest, verificationSession } = await lenderRequest(verifier)
    await openScreen(page, 'Requests')
    await page.getByText('No requests wait for you.', { exact: false }).waitFor()
    const png = await QRCode.toBuffer(authorizationRequest, { type: 'png', errorCorrectionLevel: 'M' })
    await page.getByLabel('Or read a QR code from a picture').setInputFiles({
      name: 'request.png',
      mimeType: 'image/png',
      buffer: png,
    })
    await page.getByText('Read the QR code: check the link above, then open it.').waitFor()
    expect(await page.getByLabel('Link from the company').inputValue()).toBe(authorizationRequest)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await page.getByText('The request from Example Lender waits above.').waitFor()
    // Home counts it with the DIDComm requests, and leads to it.
    await openScreen(page, 'Home')
    await page.getByTestId('waiting-count').getByText('1 request waits for your decision.').waitFor()
    await page.getByRole('button', { name: 'Open requests' }).click()

    const card = page.getByRole('listitem', { name: 'Request from Example Lender' })
    expect(await card.getByTestId('requester').textContent()).toMatch(/^Example Lender — not verified/)
    await card.getByText('Credit check', { exact: true }).waitFor()
    await card.getByText('1 year', { exact: true }).waitFor()
    expect(await card.getByText(verifier.didKey.did, { exact: false }).isVisible()).toBe(false)
    await card.getByRole('button', { name: 'See what would be shared' }).click()
    const proposal = card.getByTestId('proposal')
    await proposal.waitFor()
    await expect
      .poll(() => proposal.textContent())
      .toMatch(/(Family name and Monthly income|Monthly income and Family name)What exactly leaves/)
    expect(await proposal.textContent()).not.toContain(ACCOUNT_CLAIMS.iban)
    expect(await rawTextOn(page, 'en')).toEqual([])
    await checkScreen(page, 'oid4vc-03-request-proposal')

    wire.length = 0
    await card.getByRole('button', { name: 'Share', exact: true }).click()
    await page.getByText('Shared with Example Lender: they accepted your answer.').waitFor()
    await page.getByText('No requests wait for you.', { exact: false }).waitFor()

    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(verificationSession.id)
    const presented = dcql?.presentations.account?.[0] as SdJwtVc
    const accountKeys = Object.keys(ACCOUNT_CLAIMS)
    expect(
      Object.keys(presented.prettyClaims)
        .filter((claim) => accountKeys.includes(claim))
        .sort(),
    ).toEqual([...ASKED].sort())
    expect(presented.prettyClaims).toMatchObject({ family_name: 'Mustermann', monthly_income: 4200 })
    const sent = readableWire(wire)
    expect(sent).toContain('Mustermann')
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)
  })

  it('shows the disclosure in History: to the lender, the two claims, why and for how long, decided by the person', async () => {
    await openScreen(page, 'History')
    const row = page.getByRole('list', { name: 'Disclosures' }).getByRole('listitem').first()
    await row.waitFor()
    expect(await row.getAttribute('aria-label')).toMatch(/^Shared with Example Lender/)
    const text = (await row.textContent()) ?? ''
    expect(text).toMatch(/Family name and Monthly income|Monthly income and Family name/)
    expect(text).toContain('Credit check')
    expect(text).toContain('1 year')
    expect(text).toContain('you decided')
    expect(text).not.toContain('Iban')
    // The client id the request proved is in the receipt and folded away here, not in the row's words.
    expect(await row.getByText(verifier.didKey.did, { exact: false }).isVisible()).toBe(false)
    expect(await rawTextOn(page, 'en')).toEqual([])
    await checkScreen(page, 'oid4vc-04-history')

    // No channel leads back to an OpenID4VP verifier: revoking says so, and the entry stays.
    await row.getByRole('button', { name: 'Revoke' }).click()
    await row.getByRole('button', { name: 'Yes, revoke (there is no way to ask Example Lender to delete it)' }).click()
    await row.getByText(/^Revoked .*\. No deletion request could be sent/).waitFor()
  })

  it('in German: takes an offer without a code and declines a request, in German words with no protocol id on screen', async () => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const german = await context.newPage()
    german.on('pageerror', (error) => pageProblems.push(error.message))
    await german.goto(await served.freshUrl())
    await offerAndDeclineInGerman(german, issuer, verifier, wire)
    await context.close()
  })

  it('met no uncaught error or Content-Security-Policy refusal on the way', () => {
    expect(pageProblems).toEqual([])
  })
})
