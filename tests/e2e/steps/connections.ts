import type { Page } from 'playwright-core'
import QRCode from 'qrcode'
import { expect } from 'vitest'

import { checkScreen } from '../../helpers/browser/screens'
import { openScreen } from './myData'

/** Creates an invitation in the page and checks it is drawn as a QR code next to its link. */
export async function createInvitation(page: Page): Promise<string> {
  await openScreen(page, 'Connections')
  await page.getByText('No connections yet.').waitFor()
  await page.getByRole('button', { name: 'Create invitation' }).click()
  const qr = page.getByRole('img', { name: 'QR code of the invitation' })
  await qr.waitFor()
  // A QR code of an invitation URL is far larger than the smallest version (21 modules + 8 quiet zone).
  const viewBox = (await qr.getAttribute('viewBox')) ?? ''
  expect(Number(viewBox.split(' ')[2])).toBeGreaterThan(29)
  expect(((await qr.locator('path').getAttribute('d')) ?? '').length).toBeGreaterThan(1000)
  const url = await page.getByLabel('Invitation link', { exact: true }).inputValue()
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\?oob=/)
  await checkScreen(page, '04-connections-invitation')
  return url
}

/** Reads another node's invitation from a picture of its QR code, waits until the connection is listed as connected, sets its role. */
export async function acceptAndAssignRole(page: Page, invitationUrl: string, theirLabel: string): Promise<void> {
  const pasted = page.getByLabel('Invitation you received')
  await pasted.fill('hello, this is not a link')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await page.getByRole('alert').getByText('This is not an invitation link').waitFor()

  // The camera is denied by design: the invitation's QR code is read from a picture the person picks.
  const picture = page.getByLabel('Or read a QR code from a picture')
  await picture.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('no picture here') })
  await page.getByRole('alert').getByText('This file is not an image Custos can read.', { exact: false }).waitFor()
  const png = await QRCode.toBuffer(invitationUrl, { type: 'png', errorCorrectionLevel: 'M' })
  await picture.setInputFiles({ name: 'invitation.png', mimeType: 'image/png', buffer: png })
  await page.getByText('Read the QR code: check the link above, then connect.').waitFor()
  expect(await pasted.inputValue()).toBe(invitationUrl)
  await checkScreen(page, '05a-connections-qr-read')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  const row = page.getByRole('list', { name: 'Connections' }).getByRole('listitem', { name: theirLabel })
  await row.getByText(/^Connected ·/).waitFor()
  const role = page.getByLabel(`Role of ${theirLabel}`)
  expect(await role.inputValue()).toBe('unassigned')
  await checkScreen(page, '05-connections-list')

  await role.selectOption('data-source')
  await page.getByText(`Role of ${theirLabel} saved.`).waitFor()
  // The role is the node's, not the page's: a fresh page load shows it.
  await page.reload()
  await openScreen(page, 'Connections')
  await expect.poll(() => page.getByLabel(`Role of ${theirLabel}`).inputValue()).toBe('data-source')
}

/** Waits, without touching the page, until a connection made by the other side shows up as connected. */
export async function seeConnectionArrive(page: Page, theirLabel: string): Promise<void> {
  const row = page.getByRole('list', { name: 'Connections' }).getByRole('listitem', { name: theirLabel })
  await row.getByText(/^Connected ·/).waitFor()
}

export async function removeConnection(page: Page, theirLabel: string): Promise<void> {
  await page.getByRole('button', { name: `Remove ${theirLabel}` }).click()
  await page.getByRole('button', { name: `Yes, remove ${theirLabel}` }).click()
  await page.getByRole('listitem', { name: theirLabel }).waitFor({ state: 'detached' })
}
