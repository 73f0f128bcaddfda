import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { mortgageWithStatements } from '../../../scripts/companies'
import { checkScreen } from '../../helpers/browser/screens'
import type { Companies } from '../../helpers/companies'
import { openScreen } from './myData'
import { connectByPaste } from './validated'

const month = (period: string) =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-15T00:00:00Z`),
  )

/**
 * The lender asks for identity, income and two statements, of which it needs at least one. The card opens
 * with who asks and that no imported list vouches for them; identity and income are required, each
 * statement may be left out but not both (refused in the node's words, nothing sent). The person keeps
 * one statement back, reads the policy "remember" would save, and shares: the screen says the lender
 * accepted it, and only then is the policy saved.
 */
export async function answerLenderWithSubset(page: Page, companies: Companies, periods: string[]): Promise<string> {
  companies.lender.trust('IdentityCredential', companies.registry.did)
  companies.lender.trust('IncomeCredential', companies.employer.did)
  const lenderSide = await connectByPaste(page, companies.lender, 'Lender')
  const proofId = await companies.lender.ask(lenderSide, mortgageWithStatements(periods))
  const outcome = companies.lender.outcome(proofId)
  await openScreen(page, 'Home')
  await page.getByTestId('waiting-count').getByText('1 request waits for your decision.').waitFor()
  await page.getByRole('button', { name: 'Open requests' }).click()
  const card = page.getByRole('listitem', { name: 'Request from Lender' })
  // The demo trust list is not imported here: the first line says the lender is not verified.
  expect(await card.getByTestId('requester').textContent()).toMatch(/^Lender — not verified/)
  await card.getByText('Credit check', { exact: true }).waitFor()
  await card.getByText('7 years', { exact: true }).waitFor()
  await card.getByRole('button', { name: 'See what would be shared' }).click()
  await card.getByTestId('proposal').getByText('Gross yearly income').first().waitFor()
  const [newest, older] = periods.map((period) => `Bank statement ${month(period)}`)
  const summary = card.getByTestId('subset-summary')
  expect(await summary.textContent()).toBe(`Will leave: Identity card, Income statement, ${newest}, and ${older}.`)
  expect(await card.getByLabel('Share Identity card').count()).toBe(0)
  await checkScreen(page, '08-requests-proposal')

  const boxes = [newest, older].map((name) => card.getByLabel(`Share ${name}`, { exact: true }))
  for (const box of boxes) await box.uncheck()
  await card.getByRole('button', { name: 'Share', exact: true }).click()
  await card
    .getByRole('alert')
    .getByText(/^Nothing was sent\. The request does not accept/)
    .waitFor()
  expect(await companies.lender.agent.didcomm.proofs.getById(proofId)).toMatchObject({ state: 'request-sent' })
  await checkScreen(page, '08b-requests-subset-refused-by-node')

  await boxes[0].check()
  expect(await summary.textContent()).toBe(
    `Will leave: Identity card, Income statement, and ${newest}. Will not leave: ${older}.`,
  )
  await checkScreen(page, '08c-requests-subset')
  // What will not leave is struck through in a muted colour: it must keep its contrast in dark mode too.
  await page.emulateMedia({ colorScheme: 'dark' })
  await checkScreen(page, '08d-requests-subset-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await card.getByRole('button', { name: 'Share and remember' }).click()
  const preview = card.getByTestId('remember-preview')
  await preview.getByText('Share with Lender (this connection only) at once, without asking you.').waitFor()
  await preview.getByText('Only if they keep it at most 7 years.').waitFor()
  await preview.getByText('Only for: Credit check.').waitFor()
  await checkScreen(page, '08e-requests-remember-preview')
  await card.getByRole('button', { name: 'Share, and remember if accepted' }).click()
  await page
    .getByText(
      'Shared with Lender: they accepted your answer. You kept back 1 item. Remembered as the policy “Share with Lender”.',
    )
    .waitFor()
  const received = await outcome
  if (received.state !== 'verified') throw new Error(`the lender refused: ${received.state}`)
  expect(received.credentials.map((credential) => credential.types.at(-1))).toEqual([
    'IdentityCredential',
    'IncomeCredential',
    'BankStatementCredential',
  ])
  await page.getByText('No requests wait for you.').waitFor()
  return lenderSide
}

/**
 * The lender's second request (identity and income, what the person let go) is answered by the policy
 * without the person, and Home says so; after a revoke in History, the third is refused.
 */
export async function policyThenRevoke(page: Page, companies: Companies, lenderSide: string): Promise<void> {
  const second = await companies.lender.ask(lenderSide)
  expect((await companies.lender.outcome(second)).state).toBe('verified')
  await openScreen(page, 'Home')
  const answered = page.getByRole('list', { name: 'Answered by policies' })
  await answered.getByText(/Lender asked: shared by “Share with Lender” \(version 1\)/).waitFor()
  await page.getByRole('list', { name: 'Recent shares' }).getByText('a policy decided').waitFor()
  await checkScreen(page, '02c-home-policy-answered')

  await openScreen(page, 'Policies')
  await page.getByRole('list', { name: 'Policies' }).getByText('(version 1, active)').waitFor()
  await checkScreen(page, '09-policies')
  // Try it: the same kind of request on the saved policies, nothing sent; the remembered policy shares.
  await page.getByLabel('Name', { exact: true }).fill('Income to the lender')
  await page.getByLabel('Connection').selectOption({ label: 'Lender' })
  await page.getByLabel('Kind of data').selectOption({ label: 'Income statement' })
  await page.getByLabel('Gross yearly income').check()
  await page.getByRole('button', { name: 'Try a request like this on the saved policies' }).click()
  await page
    .getByTestId('try-it')
    .getByText(/^Outcome:/)
    .waitFor()
  await checkScreen(page, '09b-policies-try-it')
  await openScreen(page, 'History')
  const entries = page.getByRole('list', { name: 'Disclosures' }).getByRole('listitem')
  await page.getByText(/policy \(version 1\) decided/).waitFor()
  expect(await entries.count()).toBe(2)
  await entries.first().getByText('Lender accepted it').waitFor()
  await checkScreen(page, '10-history')
  await entries.first().getByRole('button', { name: 'Revoke' }).click()
  await entries.first().getByRole('button', { name: 'Yes, revoke and ask Lender to delete it' }).click()
  await page
    .getByText(/Revoked .*; deletion asked\./)
    .first()
    .waitFor()
  const third = await companies.lender.ask(lenderSide)
  expect((await companies.lender.outcome(third)).state).toBe('refused')
  await checkScreen(page, '10b-history-revoked')
}
