import ICU from 'i18next-icu'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import type { CredentialOfferSummary, HeldCredential } from '../../../shared/api'
import { i18next } from '../../../renderer/src/i18n/i18n'
import de from '../../../renderer/src/i18n/locales/de.json'
import en from '../../../renderer/src/i18n/locales/en.json'
import nl from '../../../renderer/src/i18n/locales/nl.json'
import { CredentialRow } from '../../../renderer/src/screens/myData/CredentialRow'
import { OfferCard } from '../../../renderer/src/screens/openid4vc/OfferCard'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { offerFrom, startIssuer } from './plainAgents'

/**
 * Names from the issuer's display metadata in the person's language: a plain Credo 0.6.3 bank names its
 * credential and some claims in German and English. The node keeps those names with the credential it
 * takes, and My data and the offer card, rendered by React in German, English and Dutch, show the
 * issuer's German name, its English one, or the catalogue's label and a readable form where it gave none.
 */
describe('credential and claim names from the issuer, in the person’s language', () => {
  const tmp = makeTmpDir('custos-oid4vc-names-')
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>
  let summary: CredentialOfferSummary
  let held: HeldCredential

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`, [
      { name: 'Example Bank', locale: 'en' },
      { name: 'Beispielbank', locale: 'de' },
    ])
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    await i18next.use(ICU).init({
      resources: { de: { translation: de }, en: { translation: en }, nl: { translation: nl } },
      lng: 'de',
      fallbackLng: 'en',
      nsSeparator: false,
      interpolation: { escapeValue: false },
    })
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    tmp.cleanup()
  })

  const screen = (language: string, element: ReturnType<typeof createElement>) => {
    void i18next.changeLanguage(language)
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18next }, element))
  }
  const row = (language: string) =>
    screen(language, createElement('ul', null, createElement(CredentialRow, { credential: held })))

  it('carries the issuer’s names per language in the offer summary', async () => {
    const { credentialOffer } = await offerFrom(issuer, false, 'named')
    summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    expect(summary.issuer.names).toEqual([
      { name: 'Example Bank', locale: 'en' },
      { name: 'Beispielbank', locale: 'de' },
    ])
    expect(summary.credentials[0].display).toEqual({
      names: [
        { name: 'Kontoinhaberschaft', locale: 'de-DE', description: 'Bestätigt Ihr Konto bei der Beispielbank' },
        { name: 'Account holdership', locale: 'en-GB' },
      ],
      claims: {
        iban: [
          { name: 'Kontonummer (IBAN)', locale: 'de' },
          { name: 'Account number', locale: 'en' },
        ],
        monthly_income: [{ name: 'Monatliches Nettoeinkommen', locale: 'de' }],
        employer: [{ name: 'Employing company' }],
      },
      issuerNames: summary.issuer.names,
    })
  })

  it('keeps them with the credential it takes, in Askar beside it', async () => {
    ;[held] = await api['openid4vc.acceptOffer']({ offer: summary.offer })
    expect(held.display?.names[0].name).toBe('Kontoinhaberschaft')
    const listed = (await api['credentials.list'](undefined)).find((credential) => credential.id === held.id)
    expect(listed?.display).toEqual(summary.credentials[0].display)
    // After a restart, read back from the store.
    await node.close()
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    expect((await api['credentials.get']({ id: held.id })).display).toEqual(summary.credentials[0].display)
  })

  it('shows the German names on the German screens, the English ones on the English, the catalogue’s elsewhere', () => {
    const german = row('de')
    expect(german).toContain('Kontoinhaberschaft')
    expect(german).toContain('Kontonummer (IBAN)')
    expect(german).toContain('Monatliches Nettoeinkommen')
    // No German name from the issuer: the catalogue's label (family_name), else the name given without a language.
    expect(german).toContain(i18next.getFixedT('de')('labels.claims.family_name'))
    // The catalogue's label comes before a name the issuer gave without saying in which language.
    expect(german).toContain(i18next.getFixedT('de')('labels.claims.employer'))
    expect(german).not.toContain('Employing company')
    expect(german).not.toContain('Account holdership')

    const english = row('en')
    expect(english).toContain('Account holdership')
    expect(english).toContain('Account number')
    expect(english).not.toContain('Kontoinhaberschaft')
    expect(english).not.toContain('Monatliches Nettoeinkommen')

    // Dutch: the bank gave no Dutch names; the catalogue's labels and a readable form of the type.
    const dutch = row('nl')
    expect(dutch).not.toContain('Kontoinhaberschaft')
    expect(dutch).not.toContain('Account holdership')
    expect(dutch).toContain(i18next.getFixedT('nl')('labels.claims.family_name'))

    const offer = screen('de', createElement(OfferCard, { offer: summary, onDone: () => undefined }))
    expect(offer).toContain('Angebot von Beispielbank')
    expect(offer).toContain('Kontoinhaberschaft')
  })
})
