import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { samplePerson } from '../../scripts/companies'
import type { ConnectionSummary, CreatedInvitation, Mandate } from '../../shared/api'
import { allViolations } from '../helpers/browser/axe'
import { apiCall, signIn } from '../helpers/browser/bridgeHttp'
import { launchChromium } from '../helpers/browser/chromium'
import { RESULTS_DIR } from '../helpers/browser/screens'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { connectToCompany, eventually } from '../helpers/companies'
import { mortgagePolicy, startHolderBesideCompanies, type HolderBesideCompanies } from '../helpers/consent'
import { apiOf } from '../helpers/nodes'
import { rawTextOn } from './mortgage/rawText'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const SHOTS = path.join(RESULTS_DIR, 'mandates')

/**
 * In English, in Chromium against `serve --ui` as Ben's node: Alice (her own node, beside the sample
 * companies) gives Ben a mandate for the lender; Ben sees it, decides the lender's request put to him, sees
 * it done, and revokes the mandate. axe and the raw-text check on every state.
 */
describe('mandates on the Household screen (English, web UI, the delegate’s node)', () => {
  const problems: string[] = []
  let holder: HolderBesideCompanies
  let served: ServedUi
  let browser: Browser
  let page: Page
  let session: Record<string, string> = {}
  let lenderToAlice: string

  async function api<T>(method: string, input?: unknown): Promise<T> {
    const reply = await apiCall(new URL(served.url).origin, method, input, session)
    const answer = JSON.parse(reply.body) as { ok: boolean; value: T; error?: { message: string } }
    if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`)
    return answer.value
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
    expect(await allViolations(page), `axe on ${name}`).toEqual([])
    expect(await rawTextOn(page, 'en'), `raw text on ${name}`).toEqual([])
  }

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) throw new Error(`${INDEX} is missing: build the renderer first (npm run build).`)
    fs.mkdirSync(SHOTS, { recursive: true })
    holder = await startHolderBesideCompanies(samplePerson(23))
    served = await serveUi(path.join(holder.dir, 'ben'), ['--label', 'Ben'])
    session = await signIn(served.url)
    await api('vault.create', { passphrase: 'Quiet Harbour 42 lanterns!' })
    const alice = apiOf(holder.node)
    const invitation = await api<CreatedInvitation>('connections.createInvitation')
    const toBen = await alice['connections.acceptInvitation']({ url: invitation.url })
    await holder.node.agent.didcomm.connections.returnWhenIsConnected(toBen.id, { timeoutMs: 30_000 })
    const toAlice = await eventually(async () =>
      (await api<ConnectionSummary[]>('connections.list')).find((c) => c.state === 'completed'),
    )
    await alice['connections.setRole']({ id: toBen.id, role: 'household-member' })
    await api('connections.setRole', { id: toAlice.id, role: 'household-member' })
    const lender = await connectToCompany(holder.node, holder.companies.lender)
    lenderToAlice = lender.companyConnectionId
    const { who, what, why } = mortgagePolicy(lender.nodeConnectionId)
    const scope = { who, what, why, when: { maxAnswers: 2, period: 'P30D' } }
    await alice['mandates.give']({ delegateConnectionId: toBen.id, name: 'Mortgage while I travel', scope })
    await eventually(async () => (await api<Mandate[]>('mandates.list'))[0])
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' })
    page = await context.newPage()
    page.on('pageerror', (error) => problems.push(error.message))
    await page.goto(await served.freshUrl())
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor()
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await served?.stop()
    await holder?.stop()
  })

  it('shows the mandate Ben holds, in words', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Household' }).click()
    await page.getByRole('heading', { level: 1, name: 'Household' }).waitFor()
    const mandate = page.getByRole('list', { name: 'Mandates' }).getByRole('listitem')
    await mandate.getByText(/^You may approve requests of Lender for Credit check on behalf of Alice: /).waitFor()
    await mandate.getByText('At most 2 answers every 30 days.').waitFor()
    await page.getByRole('heading', { name: 'Give a mandate' }).waitFor()
    await shot('01-mandate-held')
  })

  it('puts the lender’s request to Ben, who approves it; it is done on Alice’s node', async () => {
    const proofId = await holder.companies.lender.ask(lenderToAlice)
    const outcome = holder.companies.lender.outcome(proofId, 60_000)
    const asks = page.getByRole('list', { name: 'Requests for you to decide' })
    await asks.getByText(/^Lender asks Alice for Identity .*never through yours\.$/).waitFor({ timeout: 60_000 })
    await shot('02-request-to-decide')
    await asks.getByRole('button', { name: 'Approve for Alice' }).click()
    expect((await outcome).state).toBe('verified')
    const history = page.getByRole('list', { name: 'Requests put under a mandate' })
    await history.getByText('Done: shared with the company as approved.').waitFor({ timeout: 60_000 })
    await shot('03-done')
    const [shared] = await apiOf(holder.node)['disclosures.list'](undefined)
    expect(shared.onBehalf).toMatchObject({ delegate: 'Ben' })
  })

  it('lets Ben revoke it at once; Alice’s node hears of it', async () => {
    await page.getByRole('button', { name: 'Revoke the mandate Mortgage while I travel' }).click()
    await page.getByText(/^You revoked it on .*; it decides nothing any more\.$/).waitFor()
    await shot('04-revoked')
    await eventually(async () => {
      const [mandate] = await apiOf(holder.node)['mandates.list'](undefined)
      return mandate?.status === 'revoked' && mandate.revokedBy === 'delegate' ? true : undefined
    })
    expect(problems).toEqual([])
  })
})
