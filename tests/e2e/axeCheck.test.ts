import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seriousViolations } from '../helpers/browser/axe'
import { launchChromium } from '../helpers/browser/chromium'

// The screens are judged by this helper; it has to be able to say no.
describe('the axe-core check used on every screen', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(() => browser?.close())

  it('reports an unlabelled input and a nameless button, and passes a labelled form', async () => {
    const page = await browser.newPage()
    await page.setContent('<html lang="en"><title>bad</title><main><input type="text"><button></button></main></html>')
    const ids = (await seriousViolations(page)).map((v) => v.id)
    expect(ids).toEqual(expect.arrayContaining(['label', 'button-name']))

    await page.setContent(
      '<html lang="en"><title>good</title><main><label for="a">Name</label><input id="a"><button>Save</button></main></html>',
    )
    expect(await seriousViolations(page)).toEqual([])
  })
})
