import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { checkScreen } from '../../helpers/browser/screens'

/** First start: the strength hint, the mismatch message, then the store is created. */
export async function onboard(page: Page, passphrase: string): Promise<void> {
  await page.getByRole('heading', { name: 'Create your Custos store' }).waitFor()
  await expect.poll(() => page.getByText('It cannot be recovered.').isVisible()).toBe(true)
  await checkScreen(page, '01-onboarding')

  const first = page.getByLabel('Passphrase', { exact: true })
  await first.fill('abc')
  await page.getByText('Too short: use at least 8 characters.').waitFor()
  await first.fill(passphrase)
  await page.getByText('Strong.').waitFor()
  await page.getByLabel('Type the passphrase again').fill(`${passphrase} typo`)
  await page.getByRole('button', { name: 'Create store' }).click()
  await page.getByRole('alert').getByText('The two passphrases differ.').waitFor()
  await checkScreen(page, '01b-onboarding-mismatch')

  await page.getByLabel('Type the passphrase again').fill(passphrase)
  await page.getByRole('button', { name: 'Create store' }).click()
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()
}

export async function lockFromSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock now' }).click()
  await page.getByRole('heading', { name: 'Unlock Custos' }).waitFor()
  await checkScreen(page, '07-unlock')
}

/** A wrong passphrase is explained in words with what to do; the right one opens the store. */
export async function unlock(page: Page, passphrase: string): Promise<void> {
  const field = page.getByLabel('Passphrase', { exact: true })
  await field.fill('not my passphrase')
  await page.getByRole('button', { name: 'Unlock' }).click()
  const alert = page.getByRole('alert')
  await alert.waitFor()
  expect(await alert.textContent()).toContain('The passphrase is not correct for this store.')
  expect(await alert.textContent()).toContain('Caps Lock')
  await checkScreen(page, '08-unlock-wrong-passphrase')

  // Enter submits: the form works without a mouse.
  await field.fill(passphrase)
  await field.press('Enter')
  await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor()
}
