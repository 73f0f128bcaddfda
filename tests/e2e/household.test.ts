import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../electron/node'
import type { CreatedInvitation, HouseholdView } from '../../shared/api'
import { allViolations } from '../helpers/browser/axe'
import { apiCall, signIn } from '../helpers/browser/bridgeHttp'
import { launchChromium } from '../helpers/browser/chromium'
import { RESULTS_DIR } from '../helpers/browser/screens'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { eventually } from '../helpers/companies'
import { apiOf, startNode } from '../helpers/nodes'
import { makeTmpDir } from '../helpers/tmpDir'
import { rawTextOn } from './mortgage/rawText'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const SHOTS = path.join(RESULTS_DIR, 'household')

/**
 * In German, in Chromium against `serve --ui --mediator` (the household node): two members' nodes join by
 * device invitation; the Household screen lists both as reachable, then one as not reachable once its node
 * is closed; the person removes it after confirming. axe and the raw-text check on every state.
 */
describe('the Household screen (German, web UI, household node with two members)', () => {
  const tmp = makeTmpDir('custos-e2e-household-')
  const problems: string[] = []
  let served: ServedUi
  let browser: Browser
  let page: Page
  let anna: CustosNode
  let ben: CustosNode | undefined
  let session: Record<string, string> = {}

  async function api<T>(method: string, input?: unknown): Promise<T> {
    const reply = await apiCall(new URL(served.url).origin, method, input, session)
    const answer = JSON.parse(reply.body) as { ok: boolean; value: T; error?: { message: string } }
    if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`)
    return answer.value
  }

  async function join(label: string): Promise<CustosNode> {
    const node = await startNode(path.join(tmp.dir, label), { label, inbound: undefined })
    const device = await api<CreatedInvitation>('mediation.createDeviceInvitation')
    await apiOf(node)['mediation.useMediator']({ invitationUrl: device.url })
    return node
  }

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
    expect(await allViolations(page), `axe on ${name}`).toEqual([])
    expect(await rawTextOn(page, 'de'), `raw text on ${name}`).toEqual([])
  }

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) throw new Error(`${INDEX} is missing: build the renderer first (npm run build).`)
    fs.mkdirSync(SHOTS, { recursive: true })
    served = await serveUi(path.join(tmp.dir, 'household'), ['--label', 'Zuhause', '--mediator'])
    session = await signIn(served.url)
    await api('vault.create', { passphrase: 'Quiet Harbour 42 lanterns!' })
    anna = await join('Anna')
    ben = await join('Ben')
    await eventually(async () => {
      const view = await api<HouseholdView>('household.members')
      return view.members.filter((m) => m.reachable).length === 2 ? true : undefined
    })
    browser = await launchChromium()
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' })
    page = await context.newPage()
    page.on('pageerror', (error) => problems.push(error.message))
    await page.goto(await served.freshUrl())
    await page.getByRole('heading', { level: 1, name: 'Start' }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all([anna, ben].map((node) => node?.close()))
    await served?.stop()
    tmp.cleanup()
  })

  it('lists both members as reachable, with nothing waiting for them', async () => {
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('button', { name: 'Haushalt' }).click()
    await page.getByRole('heading', { level: 1, name: 'Haushalt' }).waitFor()
    const list = page.getByRole('list', { name: 'Mitglieder des Haushalts' })
    for (const name of ['Anna', 'Ben']) {
      const row = list.getByRole('listitem', { name })
      await row.getByText(/^Jetzt erreichbar, seit /).waitFor()
      await row.getByText('Hier wartet nichts darauf.').waitFor()
    }
    await shot('01-members')
    // Nine screens in German: the bar fits on one line just above the width where it folds into a menu.
    await page.setViewportSize({ width: 1100, height: 800 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('shows a closed member as not reachable, and removes it after the person confirms', async () => {
    await ben!.close()
    ben = undefined
    const row = page.getByRole('list', { name: 'Mitglieder des Haushalts' }).getByRole('listitem', { name: 'Ben' })
    await row.getByText(/^Jetzt nicht erreichbar; zuletzt gehört /).waitFor({ timeout: 60_000 })
    await shot('02-one-asleep')
    await row.getByRole('button', { name: 'Ben aus dem Haushalt entfernen' }).click()
    await row.getByText(/^Ben aus dem Haushalt entfernen\? Dieser Knoten hält sofort/).waitFor()
    await shot('03-confirm-remove')
    await row.getByRole('button', { name: 'Ja, Ben entfernen' }).click()
    await page.getByRole('listitem', { name: 'Ben' }).waitFor({ state: 'detached' })
    await page.getByRole('list', { name: 'Mitglieder des Haushalts' }).getByRole('listitem', { name: 'Anna' }).waitFor()
    const view = await api<HouseholdView>('household.members')
    expect(view.members.map((m) => m.label)).toEqual(['Anna'])
    await shot('04-removed')
    expect(problems).toEqual([])
  })
})
