import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { checkScreen } from '../../helpers/browser/screens'
import { openScreen } from './myData'

/** Mediator status, the mediated nodes, and a bad mediator link explained. */
export async function checkSettings(page: Page): Promise<void> {
  await openScreen(page, 'Settings')
  const status = page.getByTestId('mediator-status')
  await status.waitFor()
  expect(await status.textContent()).toContain('No mediator')
  await page.getByRole('region', { name: 'Nodes this node mediates for' }).getByText('None.').waitFor()

  await page.getByLabel('Mediator invitation link').fill('https://example.org/no-invitation-here')
  await page.getByRole('button', { name: 'Use this mediator' }).click()
  await page.getByRole('alert').getByText('This is not an invitation link').waitFor()
  await checkScreen(page, '06-settings')
}
