import axe from 'axe-core'
import type { Page } from 'playwright-core'

export interface Violation {
  id: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe-core in the page and returns the serious and critical violations. The source goes in
 * through evaluate, which the page's Content-Security-Policy does not govern, so the page is
 * checked exactly as it runs (no CSP bypass).
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  return (await allViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Every axe-core violation, whatever its impact (the mortgage walk in two languages wants none). */
export async function allViolations(page: Page): Promise<Violation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window)
  if (!hasAxe) await page.evaluate(axe.source)
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run
    const results = await run(document, { resultTypes: ['violations'] })
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
}
