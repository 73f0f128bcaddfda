import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../electron/node'
import { apiCall, exchangeToken, rawRequest, SESSION_HEADER } from '../helpers/browser/bridgeHttp'
import { launchChromium } from '../helpers/browser/chromium'
import { checkScreen } from '../helpers/browser/screens'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { startCompanies, type Companies } from '../helpers/companies'
import { apiOf, startNode } from '../helpers/nodes'
import { makeTmpDir } from '../helpers/tmpDir'
import { acceptAndAssignRole, createInvitation, removeConnection, seeConnectionArrive } from './steps/connections'
import { manageSelfDeclared, openScreen } from './steps/myData'
import { checkSettings } from './steps/settings'
import { answerLenderWithSubset, policyThenRevoke } from './steps/lender'
import { openStatementPdf, receiveStatements, seeUnreadableDocument, turnPdfPages } from './steps/statement'
import { receiveCredentials } from './steps/validated'
import { lockFromSettings, onboard, unlock } from './steps/vault'
import { samplePerson } from '../../scripts/companies'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const PASSPHRASE = 'Quiet Harbour 42 lanterns!'

// One person's session in order: each step starts where the previous one left the page.
describe('web UI in Chromium against `serve --ui` (real node, real store)', () => {
  const tmp = makeTmpDir('custos-e2e-')
  const pageProblems: string[] = []
  let served: ServedUi
  let browser: Browser
  let page: Page
  const others: CustosNode[] = []
  let companies: Companies | undefined
  let periods: string[] = []

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) {
      throw new Error(`${INDEX} is missing: build the renderer first with \`npm run build\` (npm test does).`)
    }
    served = await serveUi(path.join(tmp.dir, 'me'), ['--label', 'Me'])
    browser = await launchChromium()
    page = await browser.newPage()
    // Uncaught errors and CSP refusals mean the app does not really work under its own policy.
    page.on('pageerror', (error) => pageProblems.push(error.message))
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) pageProblems.push(message.text())
    })
  })

  afterAll(async () => {
    await browser?.close()
    for (const other of others) await other.close()
    await companies?.stop()
    await served?.stop()
    tmp.cleanup()
  })

  it('signs in with the printed link, drops the token from the address, and onboards', async () => {
    await page.goto(served.url)
    expect(page.url()).not.toContain('token=')
    await onboard(page, PASSPHRASE)
    await page.getByText('0 connections, 0 ready.').waitFor()
    await checkScreen(page, '02-home')
    // Dark mode has its own colours; they must keep their contrast too.
    await page.emulateMedia({ colorScheme: 'dark' })
    await checkScreen(page, '02b-home-dark')
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('adds, edits and removes self-declared items', async () => {
    await manageSelfDeclared(page)
  })

  it('creates an invitation, shows its QR code, and lists the node that used it as it connects', async () => {
    const url = await createInvitation(page)
    const registry = await startNode(path.join(tmp.dir, 'registry'), { label: 'Registry' })
    others.push(registry)
    await apiOf(registry)['connections.acceptInvitation']({ url })
    // No reload and no click: the page hears of the connection over the live event stream.
    await seeConnectionArrive(page, 'Registry')
  })

  it('connects a second node by the QR code of its invitation in a picture, lists it with a role, changes the role, removes it', async () => {
    const bank = await startNode(path.join(tmp.dir, 'bank'), { label: 'Bank' })
    others.push(bank)
    const invitation = await apiOf(bank)['connections.createInvitation'](undefined)
    await acceptAndAssignRole(page, invitation.url, 'Bank')
    await openScreen(page, 'Home')
    await page.getByText('2 connections, 2 ready.').waitFor()
    await openScreen(page, 'Connections')
    await removeConnection(page, 'Bank')
  })

  it('shows mediation settings, locks, and unlocks again with the data still there', async () => {
    await checkSettings(page, path.join(tmp.dir, 'me.custos-backup'))
    expect(fs.statSync(path.join(tmp.dir, 'me.custos-backup')).size).toBeGreaterThan(0)
    await lockFromSettings(page)
    await unlock(page, PASSPHRASE)
    // By keyboard: the navigation answers Enter and moves focus to the new screen's heading.
    await page.getByRole('button', { name: 'My data', exact: true }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('listitem', { name: 'City' }).getByText('Amsterdam').waitFor()
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('My data')
  })

  it('receives validated data from the registry, the employer and the bank, and opens the statement PDF', async () => {
    companies = await startCompanies(path.join(tmp.dir, 'companies'))
    const person = samplePerson(3)
    await receiveCredentials(page, companies, person)
    const [last, twoPages, notPdf] = await receiveStatements(page, companies, person)
    periods = [last, twoPages]
    await openStatementPdf(page, last)
    await turnPdfPages(page, twoPages)
    await seeUnreadableDocument(page, notPdf)
  })

  it('approves a subset of the lender’s request and remembers it; the policy answers the next; revoked, the third is refused', async () => {
    if (!companies) throw new Error('the companies did not start')
    const lenderSide = await answerLenderWithSubset(page, companies, periods)
    await policyThenRevoke(page, companies, lenderSide)
  })

  it('keeps its session out of cookies: another local server gets nothing that works, and the link works once', async () => {
    const { origin } = new URL(served.url)
    expect((await apiCall(origin, 'vault.status', undefined)).status).toBe(401)
    expect(await page.context().cookies()).toEqual([])
    const secret = await page.evaluate(() => sessionStorage.getItem('custos.session'))
    expect(secret).toBeTruthy()
    const session = { [SESSION_HEADER]: secret ?? '' }
    expect((await apiCall(origin, 'vault.status', undefined, { ...session, Origin: 'http://evil.test' })).status).toBe(
      403,
    )
    expect((await apiCall(origin, 'vault.status', undefined, session)).status).toBe(200)
    expect((await rawRequest(origin, { path: '/../package.json', headers: session })).status).toBe(404)
    // The printed link was used when the page opened; from history or a copy it no longer signs in.
    expect((await exchangeToken(served.url)).status).toBe(401)

    // Another program's web server on this machine, visited in the same browser: typed, and its icon.
    const seen: http.IncomingHttpHeaders[] = []
    const other = http.createServer((req, res) => {
      seen.push(req.headers)
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<img src="/favicon.ico" alt="">')
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`)
      await page.waitForLoadState('networkidle')
      expect(seen.length).toBeGreaterThan(1)
      for (const headers of seen) {
        expect(headers.cookie).toBeUndefined()
        const replayed = { Cookie: headers.cookie ?? '', [SESSION_HEADER]: String(headers['x-custos-session'] ?? '') }
        expect((await apiCall(origin, 'vault.status', undefined, replayed)).status).toBe(401)
      }
      // Back at the node, the tab still holds its session.
      await page.goto(`${origin}/`)
      expect(await page.evaluate(() => sessionStorage.getItem('custos.session'))).toBe(secret)
    } finally {
      await new Promise((resolve) => other.close(resolve))
    }
  })

  it('met no uncaught error or Content-Security-Policy refusal on the way, and stops cleanly', async () => {
    expect(pageProblems).toEqual([])
    expect(await served.stop()).toBe(0)
  })
})
