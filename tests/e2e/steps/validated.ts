import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { identityClaims, incomeClaims, type SamplePerson } from '../../../scripts/companies'
import { checkScreen } from '../../helpers/browser/screens'
import type { Companies } from '../../helpers/companies'
import { openScreen } from './myData'

/** Connects to a company by pasting its invitation on the Connections screen; returns its side's id. */
async function connectByPaste(page: Page, company: Companies['registry'] | Companies['lender'], label: string) {
  const { url, outOfBandId } = await company.invitation()
  await openScreen(page, 'Connections')
  await page.getByLabel('Invitation you received').fill(url)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await page
    .getByRole('list', { name: 'Connections' })
    .getByRole('listitem', { name: label })
    .getByText(/^Connected ·/)
    .waitFor()
  return company.connectionFor(outOfBandId)
}

/** The registry and the employer offer credentials; the person reads each offer and accepts it. */
export async function receiveCredentials(page: Page, companies: Companies, person: SamplePerson): Promise<void> {
  for (const [issuer, label, kind, claims] of [
    [companies.registry, 'Population Registry', 'IdentityCredential', identityClaims(person)],
    [companies.employer, 'Employer', 'IncomeCredential', incomeClaims(person)],
  ] as const) {
    const companySide = await connectByPaste(page, issuer, label)
    await issuer.offer(companySide, { kind, claims })
    await openScreen(page, 'My data')
    const offer = page
      .getByRole('list', { name: 'Offers' })
      .getByRole('listitem', { name: `${kind} offered by ${label}` })
    await offer.waitFor()
    if (kind === 'IdentityCredential') await checkScreen(page, '07-my-data-offer')
    await offer.getByRole('button', { name: 'Accept' }).click()
    await page.getByRole('list', { name: 'Credentials' }).getByRole('listitem', { name: kind }).waitFor()
  }
  const identity = page.getByRole('list', { name: 'Credentials' }).getByRole('listitem', { name: 'IdentityCredential' })
  expect(await identity.getByTestId('provenance').textContent()).toContain('Signature valid')
  await identity.getByText(person.name).waitFor()
  await checkScreen(page, '07b-my-data-validated')
}

/**
 * The lender asks; the person sees who, why, for how long, its warnings, and exactly what would leave,
 * then shares and remembers the decision as a policy. The lender's second request is answered by that
 * policy without the person; after a revoke in History, the third is refused.
 */
export async function answerLender(page: Page, companies: Companies): Promise<void> {
  companies.lender.trust('IdentityCredential', companies.registry.did)
  companies.lender.trust('IncomeCredential', companies.employer.did)
  const lenderSide = await connectByPaste(page, companies.lender, 'Lender')
  const proofId = await companies.lender.ask(lenderSide)
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
  await checkScreen(page, '08-requests-proposal')
  await card.getByRole('button', { name: 'Share and remember' }).click()
  await page.getByText(/Shared with Lender, and remembered as the policy/).waitFor()
  expect((await outcome).state).toBe('verified')
  await page.getByText('No requests wait for you.').waitFor()

  const second = await companies.lender.ask(lenderSide)
  expect((await companies.lender.outcome(second)).state).toBe('verified')
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
