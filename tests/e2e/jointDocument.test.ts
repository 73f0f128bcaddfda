import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  INSURER_NAME,
  Issuer,
  jointStatement,
  lastMonths,
  offerHomePolicy,
  offerJointStatement,
  samplePerson,
} from '../../scripts/companies'
import { launchChromium } from '../helpers/browser/chromium'
import { checkScreen } from '../helpers/browser/screens'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { freePort } from '../helpers/freePort'
import { makeTmpDir } from '../helpers/tmpDir'
import { openScreen } from './steps/myData'
import { connectByPaste } from './steps/validated'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const PASSPHRASE = 'Granite steps under a slow river'
const [anna, ben] = [samplePerson(23), samplePerson(24)]

/**
 * Issue 23 on My data, in Chromium against `serve --ui`: Anna takes her copy of the joint account's
 * statement, which says in words that it also belongs to Ben, and the insurer's home-insurance policy.
 */
describe('My data: a joint document and the home-insurance policy (web UI, plain Credo companies)', () => {
  const tmp = makeTmpDir('custos-e2e-joint-')
  const pageProblems: string[] = []
  let served: ServedUi
  let browser: Browser
  let page: Page
  let bank: Issuer
  let insurer: Issuer

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) {
      throw new Error(`${INDEX} is missing: build the renderer first with \`npm run build\` (npm test does).`)
    }
    const company = async (name: string) => ({ name, dataDir: path.join(tmp.dir, name), port: await freePort() })
    ;[served, bank, insurer] = await Promise.all([
      serveUi(path.join(tmp.dir, 'anna'), ['--label', 'Anna']),
      company('Bank').then(Issuer.start),
      company(INSURER_NAME).then(Issuer.start),
    ])
    browser = await launchChromium()
    page = await browser.newPage()
    page.on('pageerror', (error) => pageProblems.push(error.message))
    await page.goto(served.url)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create store' }).click()
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()
  })

  afterAll(async () => {
    await browser?.close()
    await Promise.all([bank, insurer].map((company) => company?.stop().catch(() => undefined)))
    await served?.stop()
    tmp.cleanup()
  })

  async function accept(offered: string, shown: string) {
    await openScreen(page, 'My data')
    await page.getByRole('list', { name: 'Offers' }).getByRole('listitem', { name: offered }).waitFor()
    await page.getByRole('listitem', { name: offered }).getByRole('button', { name: 'Accept' }).click()
    const row = page.getByRole('list', { name: 'Credentials' }).getByRole('listitem', { name: shown })
    await row.getByText(/the signature is valid/).waitFor()
    return row
  }

  it('says of her copy of the joint statement that it also belongs to Ben, in words', async () => {
    const connectionId = await connectByPaste(page, bank, 'Bank')
    const statement = jointStatement([anna, ben], lastMonths(1)[0])
    await offerJointStatement(bank, statement, [{ holder: anna.name, connectionId }])
    const row = await accept('Bank statement offered by Bank', 'Bank statement')
    expect(await row.getByTestId('joint-document').textContent()).toBe(
      `A joint document: it also belongs to ${ben.name}.`,
    )
    expect(await row.getByText(`${anna.name}, ${ben.name}`).count()).toBe(1)
    await checkScreen(page, '23a-my-data-joint-statement')
  })

  it('shows the home-insurance policy with its number, the people insured and until when', async () => {
    const connectionId = await connectByPaste(page, insurer, INSURER_NAME)
    const { claims } = await offerHomePolicy(insurer, connectionId, anna, [ben], '2027-12-31')
    const row = await accept(`Home insurance policy offered by ${INSURER_NAME}`, 'Home insurance policy')
    for (const text of ['Policy number', String(claims.policyNumber), 'Insured people', `${anna.name}, ${ben.name}`]) {
      await row.getByText(text, { exact: true }).waitFor()
    }
    await row.getByText('Covered until', { exact: true }).waitFor()
    // A policy names the people it insures, not other holders: it is not called a joint document.
    expect(await row.getByTestId('joint-document').count()).toBe(0)
    await checkScreen(page, '23b-my-data-home-insurance-policy')
    expect(pageProblems).toEqual([])
  })
})
