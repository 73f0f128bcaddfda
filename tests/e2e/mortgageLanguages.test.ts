import fs from 'node:fs'
import path from 'node:path'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  eitherPath,
  fullMortgageRequest,
  identityClaims,
  incomeClaims,
  lastMonths,
  mortgageTerms,
  mortgageWithStatements,
  samplePerson,
  sampleStatement,
  statementClaims,
  statementDocument,
  statementPdf,
  type Issuer,
  type Lender,
} from '../../scripts/companies'
import type { ConsentPolicy, CredentialOffer, Disclosure } from '../../shared/api'
import { allViolations } from '../helpers/browser/axe'
import { apiCall, signIn } from '../helpers/browser/bridgeHttp'
import { launchChromium } from '../helpers/browser/chromium'
import { RESULTS_DIR } from '../helpers/browser/screens'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { eventually, startCompanies, type Companies } from '../helpers/companies'
import { startLender } from '../helpers/consent'
import { makeTmpDir } from '../helpers/tmpDir'
import { rawTextOn } from './mortgage/rawText'
import { words, type Language } from './mortgage/words'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const SIZES = [
  { name: 'wide', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const

/**
 * The mortgage request walked in German and in English, at 1280×800 and at 390×844, with axe at every
 * step (no violation of any impact), no protocol identifier on any screen and no English on a German
 * one. At each width the lender asks; the person keeps a statement back and shares: the screen says the
 * lender accepted it and History has it. A second lender (Hypotheekbank) refuses the answer: the screen
 * says so with its reason, History has what left, and "remember" saved nothing.
 */
describe('the mortgage request in German and English, wide and on a phone', () => {
  const tmp = makeTmpDir('custos-e2e-languages-')
  let served: ServedUi
  let browser: Browser
  let companies: Companies
  let strict: Lender
  let session: Record<string, string> = {}
  const connections = new Map<Issuer | Lender, string>()
  const problems: string[] = []
  let periods: string[] = []

  async function api<T>(method: string, input?: unknown): Promise<T> {
    const reply = await apiCall(new URL(served.url).origin, method, input, session)
    const answer = JSON.parse(reply.body) as { ok: boolean; value: T; error?: { message: string } }
    if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`)
    return answer.value
  }

  async function connect(company: Issuer | Lender): Promise<string> {
    const { url, outOfBandId } = await company.invitation()
    await api('connections.acceptInvitation', { url })
    const companySide = await company.connectionFor(outOfBandId)
    // The company's side is usable once the exchange completed on both sides.
    await eventually(async () =>
      (await company.agent.didcomm.connections.getById(companySide)).state === 'completed' ? true : undefined,
    )
    connections.set(company, companySide)
    return companySide
  }

  async function acceptNextOffer(): Promise<void> {
    const offer = await eventually(async () => (await api<CredentialOffer[]>('credentials.listOffers'))[0])
    await api('credentials.acceptOffer', { id: offer.id })
  }

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) throw new Error(`${INDEX} is missing: build the renderer first (npm run build).`)
    served = await serveUi(path.join(tmp.dir, 'me'), ['--label', 'Me'])
    session = await signIn(served.url)
    await api('vault.create', { passphrase: 'Quiet Harbour 42 lanterns!' })
    companies = await startCompanies(path.join(tmp.dir, 'companies'))
    // Takes identity only from the employer: the registry's card is refused once it arrived.
    strict = await startLender(tmp.dir, 'Hypotheekbank')
    strict.trust('IdentityCredential', companies.employer.did)
    const person = samplePerson(21)
    await companies.registry.offer(await connect(companies.registry), {
      kind: 'IdentityCredential',
      claims: identityClaims(person),
    })
    await acceptNextOffer()
    // The same identity as an SD-JWT VC, whose statements can leave one by one.
    await companies.registry.offerSdJwt(
      connections.get(companies.registry) ?? '',
      'IdentityCredential',
      identityClaims(person),
      ['name', 'dateOfBirth', 'age_over_18', 'address.street', 'address.postcode', 'address.city'],
    )
    await acceptNextOffer()
    await companies.employer.offer(await connect(companies.employer), {
      kind: 'IncomeCredential',
      claims: incomeClaims(person),
    })
    await acceptNextOffer()
    periods = lastMonths(2)
    const bank = await connect(companies.bank)
    for (const period of periods) {
      const statement = sampleStatement(person, period)
      const pdf = await statementPdf(statement, { bank: 'Sample Bank' })
      await companies.bank.offer(bank, {
        kind: 'BankStatementCredential',
        claims: statementClaims(statement, 'Sample Bank', pdf),
        documents: [statementDocument(period, pdf)],
      })
      await acceptNextOffer()
    }
    await connect(companies.lender)
    await connect(strict)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await strict?.stop()
    await companies?.stop()
    await served?.stop()
    tmp.cleanup()
  })

  /** Screenshot, axe (nothing at all), and no identifier (nor English, in German) left on the screen. */
  async function step(page: Page, language: Language, name: string): Promise<void> {
    fs.mkdirSync(path.join(RESULTS_DIR, 'languages'), { recursive: true })
    await page.screenshot({ path: path.join(RESULTS_DIR, 'languages', `${name}.png`), fullPage: true })
    expect(await allViolations(page), `axe on ${name}`).toEqual([])
    expect(await rawTextOn(page, language), `raw text on ${name}`).toEqual([])
    const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(width, `horizontal scroll on ${name}`).toBeLessThanOrEqual(0)
  }

  async function open(page: Page, language: Language, screen: 'requests' | 'history' | 'home'): Promise<void> {
    const say = words[language]
    const menu = page.getByRole('button', { name: say.menu })
    if (await menu.isVisible()) await menu.click()
    await page.getByRole('navigation', { name: say.navigation }).getByRole('button', { name: say[screen] }).click()
    await page.getByRole('heading', { level: 1, name: say[screen] }).waitFor()
  }

  async function openApp(language: Language, size: (typeof SIZES)[number]): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      locale: words[language].locale,
    })
    const page = await context.newPage()
    page.on('pageerror', (error) => problems.push(error.message))
    // Each new tab signs in with a link of its own: a link works once.
    await page.goto(await served.freshUrl())
    // The language comes from the system (the browser's locale) at first start.
    await page.getByRole('heading', { level: 1, name: words[language].home }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language)
    return [context, page]
  }

  for (const language of ['de', 'en'] as const) {
    for (const size of SIZES) {
      const prefix = `${language}-${size.name}`
      it(`${prefix}: the card names the requester first, a kept-back statement is shared truly and lands in History`, async () => {
        const say = words[language]
        const [context, page] = await openApp(language, size)
        const before = (await api<Disclosure[]>('disclosures.list')).length
        const lender = companies.lender
        const proofId = await lender.ask(connections.get(lender) ?? '', mortgageWithStatements(periods))
        const outcome = lender.outcome(proofId)
        await open(page, language, 'requests')
        const card = page.getByRole('listitem', { name: say.cardOf('Lender') })
        await card.waitFor()
        // The card's first line: who asks, and that no list the person imported vouches for them.
        const first = (await card.getByRole('heading').first().textContent()) ?? ''
        expect(first).toMatch(say.notVerified)
        await card.getByText(say.why, { exact: true }).waitFor()
        await card.getByText(say.howLong, { exact: true }).waitFor()
        const height = await card.evaluate((element) => element.getBoundingClientRect().height)
        if (size.name === 'wide') expect(height, 'the folded card fits one screen').toBeLessThanOrEqual(800)
        // For a person to compare between runs: the folded card's height at this width, in CSS pixels.
        fs.mkdirSync(path.join(RESULTS_DIR, 'languages'), { recursive: true })
        fs.writeFileSync(path.join(RESULTS_DIR, 'languages', `${prefix}-card-height.txt`), `${Math.round(height)}\n`)
        await step(page, language, `${prefix}-1-card`)
        await card.getByRole('button', { name: say.see }).click()
        const older = card.getByRole('checkbox').last()
        await older.waitFor()
        await step(page, language, `${prefix}-2-proposal`)
        await older.uncheck()
        await card.getByRole('button', { name: say.share, exact: true }).click()
        await page.getByText(say.accepted).waitFor()
        await step(page, language, `${prefix}-3-accepted`)
        const received = await outcome
        expect(received.state).toBe('verified')
        if (received.state === 'verified') {
          expect(received.credentials.map((c) => c.types.at(-1))).toEqual([
            'IdentityCredential',
            'IncomeCredential',
            'BankStatementCredential',
          ])
        }
        await open(page, language, 'history')
        const entries = page.getByRole('list', { name: say.disclosures }).getByRole('listitem')
        await entries.first().getByText(say.historyAccepted, { exact: false }).waitFor()
        expect(await entries.count()).toBe(before + 1)
        await step(page, language, `${prefix}-4-history`)
        await context.close()
      })

      it(`${prefix}: the requester refuses the answer; the screen says so with its reason, History has it, remember saved nothing`, async () => {
        const say = words[language]
        const [context, page] = await openApp(language, size)
        const proofId = await strict.ask(
          connections.get(strict) ?? '',
          mortgageWithStatements(periods),
          mortgageTerms,
          {
            ackOnlyTrusted: true,
          },
        )
        const outcome = strict.outcome(proofId)
        await open(page, language, 'requests')
        const card = page.getByRole('listitem', { name: say.cardOf('Hypotheekbank') })
        await card.getByRole('button', { name: say.see }).click()
        await card.getByRole('button', { name: say.shareAndRemember }).click()
        await card.getByTestId('remember-preview').waitFor()
        await step(page, language, `${prefix}-5-remember-preview`)
        await card.getByRole('button', { name: say.confirmRemember }).click()
        await page.getByRole('alert').getByText(say.refused).waitFor()
        await step(page, language, `${prefix}-6-refused`)
        expect((await outcome).state).toBe('untrusted')
        expect(await api<ConsentPolicy[]>('consent.listPolicies')).toEqual([])
        await open(page, language, 'history')
        await page.getByText(say.historyRefused, { exact: false }).first().waitFor()
        await step(page, language, `${prefix}-7-history-refused`)
        await context.close()
      })
    }
  }

  for (const language of ['de', 'en'] as const) {
    it(`${language}: inside the identity document, a statement the request marks optional is kept back`, async () => {
      const say = words[language]
      const [context, page] = await openApp(language, SIZES[0])
      const lender = companies.lender
      const request = fullMortgageRequest(
        [eitherPath('name'), eitherPath('address.city'), { ...eitherPath('address.street'), optional: true }],
        periods,
      )
      const proofId = await lender.ask(connections.get(lender) ?? '', request)
      const outcome = lender.outcome(proofId)
      await open(page, language, 'requests')
      const card = page.getByRole('listitem', { name: say.cardOf('Lender') })
      await card.getByRole('button', { name: say.see }).click()
      const street = card.getByRole('checkbox', { name: say.shareStreet })
      await street.uncheck()
      await step(page, language, `${language}-8-statement-kept-back`)
      await card.getByRole('button', { name: say.share, exact: true }).click()
      await page.getByText(say.acceptedPrefix).waitFor()
      const received = await outcome
      expect(received.state).toBe('verified')
      if (received.state === 'verified') {
        const identity = received.credentials.find((c) => c.types.includes('IdentityCredential'))
        expect(identity?.format).toBe('vc+sd-jwt')
        expect(Object.keys(identity?.claims ?? {}).sort()).toEqual(['address', 'name'])
        expect(identity?.claims.address).toEqual({ city: expect.any(String) })
      }
      await context.close()
    })
  }

  it('met no uncaught error in the page', () => {
    expect(problems).toEqual([])
  })
})
