import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import {
  lastMonths,
  sampleStatement,
  statementClaims,
  statementDocument,
  statementPdf,
  type SamplePerson,
} from '../../../scripts/companies'
import { checkScreen } from '../../helpers/browser/screens'
import type { Companies } from '../../helpers/companies'
import { openScreen } from './myData'
import { connectByPaste } from './validated'

/**
 * The bank issues last month's statement with its PDF, and a second "statement" whose attached file is
 * not a PDF at all (its digest is signed, so the node keeps it). Returns the good statement's period.
 */
export async function receiveStatements(page: Page, companies: Companies, person: SamplePerson): Promise<string> {
  const bank = await connectByPaste(page, companies.bank, 'Bank')
  const [period, older] = lastMonths(2)
  const pdf = await statementPdf(sampleStatement(person, period), { bank: 'Sample Bank' })
  const notPdf = new TextEncoder().encode('This is a text file that claims to be a PDF.')
  for (const [month, bytes] of [
    [period, pdf],
    [older, notPdf],
  ] as const) {
    const claims = statementClaims(sampleStatement(person, month), 'Sample Bank', bytes)
    await companies.bank.offer(bank, {
      kind: 'BankStatementCredential',
      claims,
      documents: [statementDocument(month, bytes)],
    })
    await openScreen(page, 'My data')
    const offer = page
      .getByRole('list', { name: 'Offers' })
      .getByRole('listitem', { name: 'BankStatementCredential offered by Bank' })
    await offer.getByRole('button', { name: 'Accept' }).click()
    // Its provenance is written just after it is stored; the row follows the record as it changes.
    await statementRow(page, month).getByText(/Signature valid/).waitFor()
  }
  return period
}

function statementRow(page: Page, period: string) {
  return page
    .getByRole('list', { name: 'Credentials' })
    .getByRole('listitem', { name: 'BankStatementCredential' })
    .filter({ hasText: `statement-${period}.pdf` })
}

/** Opens the statement's PDF inside the app: pdf.js draws the page, its text is there, keys move pages. */
export async function openStatementPdf(page: Page, period: string): Promise<void> {
  const row = statementRow(page, period)
  await row.getByRole('button', { name: `Open statement-${period}.pdf` }).click()
  const viewer = row.getByRole('region', { name: `Document statement-${period}.pdf` })
  const canvas = viewer.getByRole('img', { name: `Page 1 of 1 of statement-${period}.pdf` })
  await viewer.locator('canvas[data-drawn="yes"]').waitFor()
  await viewer.getByText('Page 1 of 1').waitFor()
  // Something was drawn: the canvas is not blank white.
  const inked = await canvas.evaluate((element) => {
    const target = element as HTMLCanvasElement
    const pixels = target.getContext('2d')?.getImageData(0, 0, target.width, target.height).data ?? []
    let dark = 0
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark++
    return dark
  })
  expect(inked).toBeGreaterThan(500)
  expect(await viewer.getByTestId('pdf-page-text').textContent()).toContain(`account statement ${period}`)
  expect(await viewer.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true)
  await checkScreen(page, '07c-my-data-statement-pdf')
  // By keyboard: Escape anywhere in the viewer closes it, and the Open button is there again.
  await viewer.getByRole('button', { name: `Close statement-${period}.pdf` }).press('Escape')
  await viewer.waitFor({ state: 'detached' })
  await row.getByRole('button', { name: `Open statement-${period}.pdf` }).waitFor()
}

/** A document that is not a PDF is refused in words, inside the app, with nothing drawn. */
export async function seeUnreadableDocument(page: Page, period: string): Promise<void> {
  const row = statementRow(page, period)
  await row.getByRole('button', { name: `Open statement-${period}.pdf` }).click()
  const viewer = row.getByRole('region', { name: `Document statement-${period}.pdf` })
  await viewer.getByRole('alert').getByText('This document cannot be shown: it is not a valid PDF file.').waitFor()
  await checkScreen(page, '07d-my-data-document-unreadable')
  await viewer.getByRole('button', { name: `Close statement-${period}.pdf` }).click()
}
