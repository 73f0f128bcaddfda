import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

import { checkScreen } from '../../helpers/browser/screens'
import { lenderRequest } from '../../integration/openid4vc/lenderRequest'
import { offerFrom, type startIssuer, type startVerifier } from '../../integration/openid4vc/plainAgents'
import { readableWire } from '../../integration/openid4vc/wire'
import { rawTextOn } from '../mortgage/rawText'

type Issuer = Awaited<ReturnType<typeof startIssuer>>
type Verifier = Awaited<ReturnType<typeof startVerifier>>

/**
 * In a German page: an offer without a transaction code taken on Meine Daten, and a request declined on
 * Anfragen. Every screen in German words, with no protocol identifier outside a closed fold; the lender
 * hears no and receives nothing about the person.
 */
export async function offerAndDeclineInGerman(
  german: Page,
  issuer: Issuer,
  verifier: Verifier,
  wire: Record<string, unknown>[],
): Promise<void> {
  await german.getByRole('heading', { level: 1, name: 'Start' }).waitFor()
  const nav = german.getByRole('navigation', { name: 'Hauptmenü' })

  await nav.getByRole('button', { name: 'Meine Daten' }).click()
  await german.getByLabel('Link vom Unternehmen').fill((await offerFrom(issuer, false)).credentialOffer)
  await german.getByRole('button', { name: 'Öffnen', exact: true }).click()
  const offer = german.getByRole('region', { name: 'Angebot von Example Bank' })
  await offer.getByText('Account holder', { exact: true }).waitFor()
  expect(await rawTextOn(german, 'de')).toEqual([])
  await offer.getByRole('button', { name: 'Annehmen', exact: true }).click()
  await german.getByText('1 Nachweis von Example Bank gespeichert; er steht unter Meine Daten.').waitFor()

  const { authorizationRequest, verificationSession } = await lenderRequest(verifier)
  await nav.getByRole('button', { name: 'Anfragen' }).click()
  await german.getByLabel('Link vom Unternehmen').fill(authorizationRequest)
  await german.getByRole('button', { name: 'Öffnen', exact: true }).click()
  const card = german.getByRole('listitem', { name: 'Anfrage von Example Lender' })
  await card.getByText('Bonitätsprüfung', { exact: true }).waitFor()
  await card.getByRole('button', { name: 'Ansehen, was geteilt würde' }).click()
  await expect
    .poll(() => card.getByTestId('proposal').textContent())
    .toMatch(/Nachname und Monatseinkommen|Monatseinkommen und Nachname/)
  expect(await rawTextOn(german, 'de')).toEqual([])
  await checkScreen(german, 'oid4vc-05-request-de')
  wire.length = 0
  await card.getByRole('button', { name: 'Ablehnen' }).click()
  await german.getByText('Abgelehnt; Example Lender wurde benachrichtigt.').waitFor()
  // The lender heard no, and nothing about the person: no credential crossed the wire.
  await expect.poll(() => wire.some((body) => body.error === 'access_denied')).toBe(true)
  expect(readableWire(wire)).not.toContain('Mustermann')
  await expect
    .poll(
      async () => (await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)).state,
    )
    .toBe(OpenId4VcVerificationSessionState.Error)
}
