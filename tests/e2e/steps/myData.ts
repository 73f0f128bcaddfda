import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { checkScreen } from '../../helpers/browser/screens'

export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

/** Adds two items, edits one and removes the other, all through the page. */
export async function manageSelfDeclared(page: Page): Promise<void> {
  await openScreen(page, 'My data')
  await page.getByText('No items yet.').waitFor()
  const items = page.getByRole('list', { name: 'Self-declared items' })

  for (const [label, value] of [
    ['Email', 'ada@example.org'],
    ['City', 'Utrecht'],
  ]) {
    await page.getByLabel('Label', { exact: true }).fill(label)
    await page.getByLabel('Value', { exact: true }).fill(value)
    await page.getByRole('button', { name: 'Add item' }).click()
    await items.getByRole('listitem', { name: label }).getByText(value).waitFor()
  }

  await page.getByRole('button', { name: 'Edit City' }).click()
  await page.getByRole('heading', { name: 'Edit “City”' }).waitFor()
  await page.getByLabel('Value', { exact: true }).fill('Amsterdam')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await items.getByRole('listitem', { name: 'City' }).getByText('Amsterdam').waitFor()

  // Removing is destructive: it asks first.
  await page.getByRole('button', { name: 'Remove Email' }).click()
  await page.getByRole('button', { name: 'Yes, remove Email' }).click()
  await items.getByRole('listitem', { name: 'Email' }).waitFor({ state: 'detached' })
  expect(await items.getByRole('listitem').count()).toBe(1)
  expect(await page.getByRole('region', { name: 'Validated' }).textContent()).toContain('None yet.')
  await checkScreen(page, '03-my-data')
}
