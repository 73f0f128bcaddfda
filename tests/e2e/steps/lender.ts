import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { mortgageWithStatements } from '../../../scripts/companies'
import { checkScreen } from '../../helpers/browser/screens'
import type { Companies } from '../../helpers/companies'
import { openScreen } from './myData'
import { connectByPaste } from './validated'

/**
 * The lender asks for identity, income and last month's statement. The person sees who, why, for how
 * long, its warnings and exactly what would leave; leaving everything out is refused in the node's
 * words; they untick the statement, share the rest and remember that as a policy.
 */
export async function answerLenderWithSubset(page: Page, companies: Companies, period: string): Promise<string> {
  companies.lender.trust('IdentityCredential', companies.registry.did)
  companies.lender.trust('IncomeCredential', companies.employer.did)
  const lenderSide = await connectByPaste(page, companies.lender, 'Lender')
  const proofId = await companies.lender.ask(lenderSide, mortgageWithStatements([period]))
  const outcome = companies.lender.outcome(proofId)
  await openScreen(page, 'Home')
  await page.getByTestId('waiting-count').getByText('1 request(s) wait for your decision.').waitFor()
  await page.getByRole('button', { name: 'Open requests' }).click()
  const card = page.getByRole('listitem', { name: 'Request from Lender' })
  await card.getByText('mortgage application').waitFor()
  await card.getByRole('button', { name: 'See what would be shared' }).click()
  await card.getByTestId('proposal').getByText('grossYearlyIncome').waitFor()
  // The demo trust list is not imported here: the lender is on no list the person trusts.
  await card.getByRole('list', { name: 'Warnings' }).getByRole('listitem').first().waitFor()
  const summary = card.getByTestId('subset-summary')
  expect(await summary.textContent()).toBe(`Will leave: Identity, Income, Bank statement ${period}.`)
  await checkScreen(page, '08-requests-proposal')

  const boxes = ['Identity', 'Income', `Bank statement ${period}`].map((name) =>
    card.getByLabel(`Share ${name}`, { exact: true }),
  )
  for (const box of boxes) await box.uncheck()
  await card.getByRole('button', { name: 'Share', exact: true }).click()
  await card.getByRole('alert').getByText('Approving nothing is declining: decline the request instead.').waitFor()
  await checkScreen(page, '08b-requests-nothing-ticked')

  await boxes[0].check()
  await boxes[1].check()
  expect(await summary.textContent()).toBe(`Will leave: Identity, Income. Will not leave: Bank statement ${period}.`)
  expect(await card.getByRole('alert').count()).toBe(0)
  await checkScreen(page, '08c-requests-subset')
  // What will not leave is struck through in a muted colour: it must keep its contrast in dark mode too.
  await page.emulateMedia({ colorScheme: 'dark' })
  await checkScreen(page, '08d-requests-subset-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await card.getByRole('button', { name: 'Share and remember' }).click()
  await page.getByText(/Shared with Lender, and remembered as the policy .* You kept back 1 item\(s\)\./).waitFor()
  const received = await outcome
  if (received.state !== 'verified') throw new Error(`the lender refused: ${received.reason}`)
  expect(received.credentials.map((credential) => credential.types.at(-1))).toEqual([
    'IdentityCredential',
    'IncomeCredential',
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
  await answered.getByText(/shared by “Share with Lender: mortgage application” \(version 1\)/).waitFor()
  await page.getByRole('list', { name: 'Recent shares' }).getByText('a policy decided').waitFor()
  await checkScreen(page, '02c-home-policy-answered')

  await openScreen(page, 'Policies')
  await page.getByRole('list', { name: 'Policies' }).getByText('(version 1, active)').waitFor()
  await checkScreen(page, '09-policies')
  // Try it: the same kind of request on the saved policies, nothing sent; the remembered policy shares.
  await page.getByLabel('Name').fill('Income to the lender')
  await page.getByLabel('Connection').selectOption({ label: 'Lender' })
  await page.getByLabel('Credential type').fill('IncomeCredential')
  await page.getByLabel('Claims at most').fill('grossYearlyIncome')
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
  await checkScreen(page, '10-history')
  await entries.first().getByRole('button', { name: 'Revoke' }).click()
  await page
    .getByText(/Revoked .*; deletion asked\./)
    .first()
    .waitFor()
  const third = await companies.lender.ask(lenderSide)
  expect((await companies.lender.outcome(third)).state).toBe('refused')
  await checkScreen(page, '10b-history-revoked')
}
