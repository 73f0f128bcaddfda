import { PDFDocument, StandardFonts } from 'pdf-lib'
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

/** A statement's PDF with a second page: what the viewer's page keys are tried on. */
async function twoPagePdf(person: SamplePerson, period: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(await statementPdf(sampleStatement(person, period), { bank: 'Sample Bank' }))
  const font = await pdf.embedFont(StandardFonts.Helvetica)
  pdf.addPage([595, 842]).drawText('Page two: terms of the account', { x: 50, y: 790, size: 14, font })
  return pdf.save()
}

/**
 * The bank issues last month's statement with its PDF, an older one whose PDF has two pages, and a third
 * whose attached file is not a PDF at all (its digest is signed, so the node keeps it). Returns the periods.
 */
export async function receiveStatements(page: Page, companies: Companies, person: SamplePerson): Promise<string[]> {
  const bank = await connectByPaste(page, companies.bank, 'Bank')
  const periods = lastMonths(3)
  const files = [
    await statementPdf(sampleStatement(person, periods[0]), { bank: 'Sample Bank' }),
    await twoPagePdf(person, periods[1]),
    new TextEncoder().encode('This is a text file that claims to be a PDF.'),
  ]
  for (const [index, month] of periods.entries()) {
    const claims = statementClaims(sampleStatement(person, month), 'Sample Bank', files[index])
    await companies.bank.offer(bank, {
      kind: 'BankStatementCredential',
      claims,
      documents: [statementDocument(month, files[index])],
    })
    await openScreen(page, 'My data')
    const offer = page
      .getByRole('list', { name: 'Offers' })
      .getByRole('listitem', { name: 'Bank statement offered by Bank' })
    await offer.getByRole('button', { name: 'Accept' }).click()
    // Its provenance is written just after it is stored; the row follows the record as it changes.
    await statementRow(page, month)
      .getByText(/the signature is valid/)
      .waitFor()
  }
  return periods
}

function statementRow(page: Page, period: string) {
  return page
    .getByRole('list', { name: 'Credentials' })
    .getByRole('listitem', { name: 'Bank statement' })
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
  expect(await viewer.getByRole('button', { name: 'Next page' }).getAttribute('aria-disabled')).toBe('true')
  await checkScreen(page, '07c-my-data-statement-pdf')
  await page.emulateMedia({ colorScheme: 'dark' })
  await checkScreen(page, '07c2-my-data-statement-pdf-dark')
  await page.emulateMedia({ colorScheme: 'light' })
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

/** Two pages: PageDown moves on, Home goes back, and the page's name and text follow. */
export async function turnPdfPages(page: Page, period: string): Promise<void> {
  const row = statementRow(page, period)
  await row.getByRole('button', { name: `Open statement-${period}.pdf` }).click()
  const viewer = row.getByRole('region', { name: `Document statement-${period}.pdf` })
  await viewer.getByText('Page 1 of 2').waitFor()
  await viewer.getByRole('button', { name: 'Next page' }).press('PageDown')
  await viewer.getByRole('img', { name: `Page 2 of 2 of statement-${period}.pdf` }).waitFor()
  await viewer.locator('canvas[data-drawn="yes"]').waitFor()
  expect(await viewer.getByTestId('pdf-page-text').textContent()).toContain('Page two: terms of the account')
  expect(await viewer.getByRole('button', { name: 'Next page' }).getAttribute('aria-disabled')).toBe('true')
  await checkScreen(page, '07e-my-data-pdf-page-2')
  await viewer.getByRole('button', { name: 'Previous page' }).press('Home')
  await viewer.getByText('Page 1 of 2').waitFor()
  await viewer.getByRole('button', { name: `Close statement-${period}.pdf` }).click()
}
