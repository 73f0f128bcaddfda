import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { seriousViolations } from './axe'

export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../../test-results/e2e')

/** Every screen the test reaches: a full-page screenshot, and axe-core finds nothing serious. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true })
  expect(await seriousViolations(page), `accessibility of ${name}`).toEqual([])
}
