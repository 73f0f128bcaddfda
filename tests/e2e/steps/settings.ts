import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { checkScreen } from '../../helpers/browser/screens'
import { openScreen } from './myData'

/** Mediator status, the mediated nodes, the inbound transport, a bad mediator link explained, and a backup downloaded (refused first in words). */
export async function checkSettings(page: Page, backupFile: string): Promise<void> {
  await openScreen(page, 'Settings')
  // Mediation and the inbound transport (with their addresses and flags) are under Advanced.
  await page.getByText('Advanced', { exact: true }).click()
  const status = page.getByTestId('mediator-status')
  await status.waitFor()
  expect(await status.textContent()).toContain('No mediator')
  await page.getByRole('region', { name: 'Nodes this node mediates for' }).getByText('None.').waitFor()
  const inbound = page.getByTestId('inbound-status')
  await inbound.getByText('reachable from this device only', { exact: false }).waitFor()
  expect(await inbound.textContent()).toMatch(/Listens on127\.0\.0\.1:\d+ .*http:\/\/127\.0\.0\.1:\d+/)

  await page.getByLabel('Mediator invitation link').fill('https://example.org/no-invitation-here')
  await page.getByRole('button', { name: 'Use this mediator' }).click()
  await page.getByRole('alert').getByText('This is not an invitation link').waitFor()
  await checkScreen(page, '06-settings')

  // The web mode has no file dialog: the browser saves the backup as a download.
  const backup = page.getByRole('region', { name: 'Backup' })
  await backup.getByLabel('Backup passphrase', { exact: true }).fill('short')
  await backup.getByLabel('Type the backup passphrase again').fill('short')
  await backup.getByRole('button', { name: 'Write backup' }).click()
  await backup.getByRole('alert').getByText('at least 8 characters').waitFor()
  await backup.getByLabel('Backup passphrase', { exact: true }).fill('a separate backup passphrase')
  await backup.getByLabel('Type the backup passphrase again').fill('a separate backup passphrase')
  const download = page.waitForEvent('download')
  await backup.getByRole('button', { name: 'Write backup' }).click()
  const saved = await download
  expect(saved.suggestedFilename()).toMatch(/^custos-\d{4}-\d\d-\d\d\.custos-backup$/)
  await saved.saveAs(backupFile)
  await page.getByTestId('backup-done').getByText('1 connection,', { exact: false }).waitFor()
  await checkScreen(page, '06b-settings-backup')

  // The demo trust list imports; the same list with one changed letter is refused, in words.
  const demo = fs.readFileSync(path.resolve(import.meta.dirname, '../../../resources/trust-lists/demo.json'), 'utf8')
  const lists = page.getByRole('region', { name: 'Trust lists' })
  await lists.getByLabel('Trust list (JSON)').fill(demo.replace('Lender', 'Lendex'))
  await lists.getByRole('button', { name: 'Import' }).click()
  await lists.getByRole('alert').waitFor()
  await lists.getByLabel('Trust list (JSON)').fill(demo)
  await lists.getByRole('button', { name: 'Import' }).click()
  await lists.getByText(/^Imported “/).waitFor()
  // The list reloads after the message shows; its first item is awaited before counting.
  const imported = lists.getByRole('list', { name: 'Trust lists' }).getByRole('listitem')
  await imported.first().waitFor()
  expect(await imported.count()).toBe(1)
}
