import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AgreementParty } from '../../scripts/companies/AgreementParty'
import { mortgageDataList } from '../../scripts/companies/mortgageDataList'
import {
  identityClaims,
  incomeClaims,
  mortgageTerms,
  samplePerson,
  Tmf644Insurer,
  withinOfferedValues,
  type Issuer,
  type Lender,
} from '../../scripts/companies'
import type { CredentialOffer, ProofRequestSummary } from '../../shared/api'
import { allViolations } from '../helpers/browser/axe'
import { apiCall, signIn } from '../helpers/browser/bridgeHttp'
import { launchChromium } from '../helpers/browser/chromium'
import { RESULTS_DIR } from '../helpers/browser/screens'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { eventually, startCompanies, type Companies } from '../helpers/companies'
import { makeTmpDir } from '../helpers/tmpDir'
import { rawTextOn } from './mortgage/rawText'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const SHOTS = path.join(RESULTS_DIR, 'agreements')

const dataList = mortgageDataList('mortgage-e2e')

/**
 * In German, in Chromium against `serve --ui`: the person sets a limit (finance data at most two years),
 * a plain Credo lender offers its data list, the Agreements screen says where it goes beyond the limit,
 * the person sends the counter-offer, the lender accepts it, both signed; then the person ends it and the
 * lender hears so. axe and the raw-text check on every screen; screenshots for the README.
 */
describe('a counter-offer and its end, on the screens (German, web UI, plain Credo lender)', () => {
  const tmp = makeTmpDir('custos-e2e-agreements-')
  const problems: string[] = []
  let served: ServedUi
  let browser: Browser
  let page: Page
  let companies: Companies
  let party: AgreementParty
  let insurer: Tmf644Insurer
  let lenderConnection = ''
  let session: Record<string, string> = {}

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
    await eventually(async () =>
      (await company.agent.didcomm.connections.getById(companySide)).state === 'completed' ? true : undefined,
    )
    return companySide
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
    expect(await allViolations(page), `axe on ${name}`).toEqual([])
    expect(await rawTextOn(page, 'de'), `raw text on ${name}`).toEqual([])
  }

  async function open(screen: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('button', { name: screen }).click()
    await page.getByRole('heading', { level: 1, name: screen }).waitFor()
  }

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) throw new Error(`${INDEX} is missing: build the renderer first (npm run build).`)
    fs.mkdirSync(SHOTS, { recursive: true })
    served = await serveUi(path.join(tmp.dir, 'me'), ['--label', 'Me'])
    session = await signIn(served.url)
    await api('vault.create', { passphrase: 'Quiet Harbour 42 lanterns!' })
    companies = await startCompanies(path.join(tmp.dir, 'companies'))
    const person = samplePerson(31)
    for (const [issuer, kind, claims] of [
      [companies.registry, 'IdentityCredential', identityClaims(person)],
      [companies.employer, 'IncomeCredential', incomeClaims(person)],
    ] as const) {
      await issuer.offer(await connect(issuer), { kind, claims })
      const offer = await eventually(async () => (await api<CredentialOffer[]>('credentials.listOffers'))[0])
      await api('credentials.acceptOffer', { id: offer.id })
    }
    party = new AgreementParty(companies.lender.agent, () => undefined)
    insurer = await Tmf644Insurer.start(withinOfferedValues)
    lenderConnection = await connect(companies.lender)
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' })
    page = await context.newPage()
    page.on('pageerror', (error) => problems.push(error.message))
    await page.goto(await served.freshUrl())
    await page.getByRole('heading', { level: 1, name: 'Start' }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await insurer?.stop()
    await companies?.stop()
    await served?.stop()
    tmp.cleanup()
  })

  it('sets a limit in plain words', async () => {
    await open('Regeln')
    const form = page.getByRole('form', { name: 'Grenze hinzufügen' })
    await form.getByLabel('Art der Grenze').selectOption({ label: 'Höchstens aufbewahren' })
    await form.getByLabel('Daten', { exact: true }).selectOption({ label: 'Finanzdaten' })
    await form.getByLabel('Höchstens').fill('2')
    await form.getByRole('button', { name: 'Hinzufügen' }).click()
    await page
      .getByRole('list', { name: 'Ihre Grenzen' })
      .getByText('Finanzdaten höchstens 2 Jahre aufbewahren')
      .waitFor()
    await shot('01-privacy-terms')
  })

  it('counters the lender’s data list; the lender accepts and both have signed', async () => {
    const thread = await party.offer(lenderConnection, dataList)
    await open('Vereinbarungen')
    const card = page.getByRole('listitem', { name: 'Vereinbarung mit Lender' })
    await card.getByText('Von Lender angeboten; wartet auf Sie.').waitFor()
    await card.getByText('Über Ihre Datenschutzbedingungen hinaus').first().waitFor()
    expect(await card.innerText()).toContain('Finanzdaten 7 Jahre lang auf; Sie erlauben höchstens 2 Jahre')
    expect(await card.innerText()).toContain('Dasselbe Angebot, ohne Kontoauszug, höchstens 2 Jahre aufbewahrt.')
    await shot('02-offer-beyond-terms')
    await card.getByRole('button', { name: 'Gegenangebot senden' }).click()
    await card.getByText('Vereinbart und von Ihnen und Lender unterschrieben.').waitFor()
    expect(party.get(thread)).toMatchObject({ state: 'agreed', holderSigned: true })
    expect(party.get(thread).terms).toMatchObject({ retention: 'P2Y', revision: 2 })
    await shot('03-agreed')
  })

  it('revokes on History what left under the agreement; the lender confirms the deletion, signed', async () => {
    const terms = { ...mortgageTerms, retention: 'P1Y', agreement: dataList.id }
    const proofId = await companies.lender.ask(lenderConnection, undefined, terms)
    const request = await eventually(async () => (await api<ProofRequestSummary[]>('requests.list'))[0])
    // Listened for before the answer leaves: it is verified while approve waits for the acknowledgement.
    const outcome = companies.lender.outcome(proofId)
    await api('requests.approve', { id: request.id })
    expect((await outcome).state).toBe('verified')
    await open('Verlauf')
    const row = page.getByRole('listitem', { name: /^Mit Lender geteilt am/ })
    await row.getByRole('button', { name: 'Widerrufen' }).click()
    await row.getByRole('button', { name: 'Ja, widerrufen und Lender um Löschung bitten' }).click()
    await row.getByText(/^Löschung von Lender bestätigt, unterschrieben/).waitFor()
    expect(companies.lender.deletionRequests).toMatchObject([{ agreementId: dataList.id, signedByHolder: true }])
    await shot('04-revoked-and-confirmed')
    await open('Vereinbarungen')
  })

  it('ends the agreement; the lender is told', async () => {
    const card = page.getByRole('listitem', { name: 'Vereinbarung mit Lender' })
    await card.getByRole('button', { name: 'Diese Vereinbarung beenden' }).click()
    await card.getByRole('button', { name: 'Ja, beenden; Lender wird sofort benachrichtigt' }).click()
    await card.getByText('Beendet.').waitFor()
    await eventually(async () =>
      party.agreements.get([...party.agreements.keys()][0])?.state === 'terminated' ? true : undefined,
    )
    await shot('05-ended')
    expect(problems).toEqual([])
  })

  it('reads an insurer’s data list from its website and agrees there, on the terms the profile allows', async () => {
    const form = page.getByRole('form', { name: 'Datenliste eines Unternehmens von seiner Website lesen' })
    await form.getByLabel('Adresse').fill('ftp://insurer')
    await form.getByRole('button', { name: 'Liste lesen' }).click()
    await form.getByText('Geben Sie die Adresse des Unternehmens ein, beginnend mit https://.').waitFor()
    await form.getByLabel('Adresse').fill(insurer.baseUrl)
    await form.getByRole('button', { name: 'Liste lesen' }).click()
    const host = new URL(insurer.baseUrl).host
    const card = page.getByRole('listitem', { name: `Vereinbarung mit ${host}` })
    await card.getByText('Über Ihre Datenschutzbedingungen hinaus').waitFor()
    await shot('06-insurer-offer')
    await card.getByRole('button', { name: 'Gegenangebot senden' }).click()
    await card.getByText(`Mit ${host} über deren Website vereinbart.`).waitFor()
    const [posted] = [...insurer.agreements.values()]
    expect(posted).toBeDefined()
    await shot('07-insurer-agreed')
    expect(problems).toEqual([])
  })
})
