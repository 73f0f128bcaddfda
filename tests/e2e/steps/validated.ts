import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { identityClaims, incomeClaims, type SamplePerson } from '../../../scripts/companies'
import { checkScreen } from '../../helpers/browser/screens'
import type { Companies } from '../../helpers/companies'
import { openScreen } from './myData'

/** Connects to a company by pasting its invitation on the Connections screen; returns its side's id. */
export async function connectByPaste(page: Page, company: Companies['bank'] | Companies['lender'], label: string) {
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
  // Each kind of credential is named on screen in words: "Identity card", not IdentityCredential.
  for (const [issuer, label, kind, shown, claims] of [
    [companies.registry, 'Population Registry', 'IdentityCredential', 'Identity card', identityClaims(person)],
    [companies.employer, 'Employer', 'IncomeCredential', 'Income statement', incomeClaims(person)],
  ] as const) {
    const companySide = await connectByPaste(page, issuer, label)
    await issuer.offer(companySide, { kind, claims })
    await openScreen(page, 'My data')
    const offer = page
      .getByRole('list', { name: 'Offers' })
      .getByRole('listitem', { name: `${shown} offered by ${label}` })
    await offer.waitFor()
    if (kind === 'IdentityCredential') await checkScreen(page, '07-my-data-offer')
    await offer.getByRole('button', { name: 'Accept' }).click()
    await page.getByRole('list', { name: 'Credentials' }).getByRole('listitem', { name: shown }).waitFor()
  }
  const identity = page.getByRole('list', { name: 'Credentials' }).getByRole('listitem', { name: 'Identity card' })
  expect(await identity.getByTestId('provenance').textContent()).toContain('the signature is valid')
  await identity.getByText(person.name).waitFor()
  await checkScreen(page, '07b-my-data-validated')
  // The node searches what it holds: part of the city finds the identity card and not the income statement.
  const search = page.getByLabel('Search your validated data')
  const held = page.getByRole('list', { name: 'Credentials' }).getByRole('listitem')
  await search.fill(person.address.city.slice(1, 5).toUpperCase())
  await expect.poll(() => held.count()).toBe(1)
  expect(await held.first().getAttribute('aria-label')).toBe('Identity card')
  await search.fill('words nobody holds')
  await page.getByText('Nothing you hold matches “words nobody holds”.').waitFor()
  await search.fill('')
  await expect.poll(() => held.count()).toBe(2)
}
