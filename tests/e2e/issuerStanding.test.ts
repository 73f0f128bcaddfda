import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recipientKeyOf } from '../../scripts/companies/didKeyRouting'
import { launchChromium } from '../helpers/browser/chromium'
import { serveUi, type ServedUi } from '../helpers/browser/serveUi'
import { eventually } from '../helpers/companies'
import { FieldIssuer, residentCard } from '../helpers/fieldIssuer'
import { makeTmpDir } from '../helpers/tmpDir'
import { openScreen } from './steps/myData'

const INDEX = path.resolve(import.meta.dirname, '../../out/renderer/index.html')
const PASSPHRASE = 'Granite steps under a slow river'
const NOTE = 'Issued by an issuer no trust list confirms, delivered by Field registry.'

/**
 * A plain Credo 0.6.3 registry that signs with a DID of its own (not the connection's key) offers a
 * resident card on citizenship v1 with no proofPurpose; My data in Chromium, against `serve --ui`, says
 * who issued and who delivered, on the offer (with the warning) and on the credential once taken.
 */
describe('My data names the issuer beside the connection that delivered (web UI, plain Credo issuer)', () => {
  const tmp = makeTmpDir('custos-e2e-issuer-')
  const pageProblems: string[] = []
  let served: ServedUi
  let browser: Browser
  let page: Page
  let issuer: FieldIssuer

  beforeAll(async () => {
    if (!fs.existsSync(INDEX)) {
      throw new Error(`${INDEX} is missing: build the renderer first with \`npm run build\` (npm test does).`)
    }
    served = await serveUi(path.join(tmp.dir, 'me'), ['--label', 'Me'])
    issuer = await FieldIssuer.start(path.join(tmp.dir, 'registry'))
    browser = await launchChromium()
    page = await browser.newPage()
    page.on('pageerror', (error) => pageProblems.push(error.message))
  })

  afterAll(async () => {
    await browser?.close()
    await issuer?.stop()
    await served?.stop()
    tmp.cleanup()
  })

  it('onboards and connects to the registry by pasting its invitation', async () => {
    await page.goto(served.url)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Type the passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create store' }).click()
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()

    const endpoint = issuer.agent.didcomm.config.endpoints[0]
    const invitation = await issuer.agent.didcomm.oob.createInvitation({
      label: 'Field registry',
      routing: {
        endpoints: [endpoint],
        recipientKey: await recipientKeyOf(issuer.agent, issuer.connectionDid),
        routingKeys: [],
      },
    })
    await openScreen(page, 'Connections')
    await page.getByLabel('Invitation you received').fill(invitation.outOfBandInvitation.toUrl({ domain: endpoint }))
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    await page
      .getByRole('list', { name: 'Connections' })
      .getByRole('listitem', { name: 'Field registry' })
      .getByText(/^Connected ·/)
      .waitFor()
  })

  it('shows “Issued by …, delivered by …” and the warning on the offer, and the same on the credential taken', async () => {
    const [connection] = await eventually(async () => {
      const found = await issuer.agent.didcomm.connections.findAllByQuery({})
      return found.some((record) => record.isReady) ? found.filter((record) => record.isReady) : undefined
    })
    const own = await issuer.newDidKey()
    issuer.verificationMethod = undefined
    await issuer.offer(connection.id, residentCard(own), { proofType: 'Ed25519Signature2018' })

    await openScreen(page, 'My data')
    const offer = page
      .getByRole('list', { name: 'Offers' })
      .getByRole('listitem', { name: /offered by Field registry$/ })
    await offer.waitFor()
    expect(await offer.getByTestId('issuer-standing').textContent()).toBe(NOTE)
    await offer
      .getByText('No trust list you imported names this issuer for this kind of data.', { exact: false })
      .waitFor()
    // The issuer's DID is no word for a person: it is not on the offer's face.
    expect(await offer.getByText(own, { exact: false }).isVisible()).toBe(false)

    await offer.getByRole('button', { name: 'Accept' }).click()
    const held = page.getByRole('list', { name: 'Credentials' }).getByRole('listitem').filter({ hasText: 'ALICE' })
    await held.waitFor()
    expect(await held.getByTestId('issuer-standing').textContent()).toBe(NOTE)
    expect(await held.getByTestId('provenance').textContent()).toContain('the signature is valid')
  })

  it('met no uncaught error on the way', () => {
    expect(pageProblems).toEqual([])
  })
})
