import type { DcqlQuery, SdJwtVc } from '@credo-ts/core'
import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import ICU from 'i18next-icu'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import type { HeldCredential, PresentationChoice } from '../../../shared/api'
import { i18next } from '../../../renderer/src/i18n/i18n'
import en from '../../../renderer/src/i18n/locales/en.json'
import { AnswerChoices } from '../../../renderer/src/screens/openid4vc/AnswerChoices'
import { noPicks, previewItems, toChoice } from '../../../renderer/src/screens/openid4vc/answerChoice'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ACCOUNT_CLAIMS, ACCOUNT_VCT, offerFrom, SAVINGS_CLAIMS, startIssuer, startVerifier } from './plainAgents'
import { readableWire } from './wire'

const account = { format: 'dc+sd-jwt' as const, meta: { vct_values: [ACCOUNT_VCT] } }

/** One account query whose claim sets accept the name with the IBAN, or the name with the income. */
const CLAIM_SETS = {
  credentials: [
    {
      id: 'account',
      ...account,
      claims: [
        { id: 'name', path: ['family_name'] },
        { id: 'iban', path: ['iban'] },
        { id: 'income', path: ['monthly_income'] },
      ],
      claim_sets: [
        ['name', 'iban'],
        ['name', 'income'],
      ],
    },
  ],
} satisfies DcqlQuery

/** The income is required; the IBAN is asked in a credential set the answer may go without. */
const CREDENTIAL_SETS = {
  credentials: [
    { id: 'income', ...account, claims: [{ path: ['monthly_income'] }] },
    { id: 'iban', ...account, claims: [{ path: ['iban'] }] },
  ],
  credential_sets: [{ options: [['income']] }, { options: [['iban']], required: false }],
} satisfies DcqlQuery

/**
 * The person picks, against a plain Credo 0.6.3 verifier over HTTP: which of two matching credentials
 * answers, which of the claim sets the query offers, and whether an item the credential sets make
 * optional goes. The verifier verifies exactly what was chosen; a choice the query would not accept is
 * refused in words before anything leaves, and nothing is recorded.
 */
describe('the person chooses what answers an OpenID4VP request', () => {
  const tmp = makeTmpDir('custos-oid4vc-choose-')
  const wire: Record<string, unknown>[] = []
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>
  let current: HeldCredential
  let savings: HeldCredential

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    verifier = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    await i18next.use(ICU).init({
      resources: { en: { translation: en } },
      lng: 'en',
      nsSeparator: false,
      interpolation: { escapeValue: false },
    })
    for (const configuration of ['account', 'savings']) {
      const { credentialOffer } = await offerFrom(issuer, false, configuration)
      const [held] = await api['openid4vc.acceptOffer']({ offer: credentialOffer })
      if (configuration === 'account') current = held
      else savings = held
    }
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  const render = (element: ReturnType<typeof createElement>) =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18next }, element))

  async function ask(query: DcqlQuery) {
    const created = await verifier.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifier.verifierId,
      requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
      dcql: { query },
      responseMode: 'direct_post',
      version: 'v1',
    })
    const summary = await api['openid4vc.resolveRequest']({ request: created.authorizationRequest })
    return { summary, sessionId: created.verificationSession.id }
  }

  async function verified(sessionId: string) {
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(sessionId)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(sessionId)
    return Object.fromEntries(
      Object.entries(dcql?.presentations ?? {}).map(([id, [presented]]) => {
        const { vct, iss, cnf, iat, ...claims } = (presented as SdJwtVc).prettyClaims as Record<string, unknown>
        void [vct, iss, cnf, iat]
        return [id, claims]
      }),
    )
  }

  it('offers the choices the request allows: both accounts, both claim sets, nothing to leave out', async () => {
    const { summary } = await ask(CLAIM_SETS)
    expect(summary.choices).toEqual([
      {
        queryId: 'account',
        candidates: expect.arrayContaining([current.id, savings.id]),
        claimSets: [
          { index: 0, claims: ['family_name', 'iban'], candidates: expect.arrayContaining([current.id, savings.id]) },
          { index: 1, claims: ['family_name', 'monthly_income'], candidates: expect.any(Array) },
        ],
        omittable: false,
        proposed: true,
      },
    ])
    // The card offers exactly these: the two accounts told apart by their values, the two sets of statements.
    const held = await api['credentials.list'](undefined)
    const card = render(
      createElement(AnswerChoices, { request: summary, held, picks: noPicks(), onPick: () => undefined }),
    )
    expect(card).toContain('aria-label="Which Account holder to share"')
    expect(card).toContain('aria-label="What to show"')
    expect(card.match(/type="radio"/g)).toHaveLength(4)
    expect(card).toContain(`IBAN: ${SAVINGS_CLAIMS.iban}`)
    expect(card).not.toContain('type="checkbox"')
    await api['openid4vc.declineRequest']({ id: summary.id })
  })

  it('offers no choice where the request allows none', async () => {
    const { summary } = await ask({
      credentials: [{ id: 'name', ...account, claims: [{ path: ['family_name'] }] }],
    })
    const [only] = (await api['credentials.list'](undefined)).filter((held) => held.id === current.id)
    const card = render(
      createElement(AnswerChoices, {
        request: { ...summary, choices: summary.choices.map((choice) => ({ ...choice, candidates: [only.id] })) },
        held: [only],
        picks: noPicks(),
        onPick: () => undefined,
      }),
    )
    expect(card).toBe('')
    expect(summary.choices[0]).toMatchObject({ claimSets: [], omittable: false })
    await api['openid4vc.declineRequest']({ id: summary.id })
  })

  it('sends the other account and the other claim set when chosen: the verifier verifies exactly those claims', async () => {
    const { summary, sessionId } = await ask(CLAIM_SETS)
    // Proposed: the first claim set (name and IBAN).
    expect(Object.keys(summary.items[0].claimsLeaving).sort()).toEqual(['family_name', 'iban'])
    // As the card sends it: the person picks the savings account and the second set of statements.
    const picks = { ...noPicks(), credential: { account: savings.id }, claimSet: { account: 1 } }
    const held = await api['credentials.list'](undefined)
    expect(previewItems(summary, picks, held)[0].claimsLeaving).toEqual({
      family_name: 'Mustermann',
      monthly_income: SAVINGS_CLAIMS.monthly_income,
    })
    expect(toChoice(summary, picks)).toEqual({ choose: { account: savings.id }, claimSets: { account: 1 } })
    wire.length = 0
    const answer = await api['openid4vc.approveRequest']({ id: summary.id, ...toChoice(summary, picks) })
    expect(await verified(sessionId)).toEqual({
      account: { family_name: 'Mustermann', monthly_income: SAVINGS_CLAIMS.monthly_income },
    })
    const sent = readableWire(wire)
    for (const value of [SAVINGS_CLAIMS.iban, ACCOUNT_CLAIMS.iban, ACCOUNT_CLAIMS.given_name]) {
      expect(sent).not.toContain(value)
    }
    const entry = (await api['disclosures.list'](undefined)).find((row) => row.id === answer.disclosureId)
    expect(entry?.credentials).toEqual([expect.objectContaining({ credentialId: savings.id })])
    expect(entry?.credentials[0].claims.sort()).toEqual(['family_name', 'monthly_income'])
  })

  it('leaves out what the credential sets make optional, and the verifier accepts the answer', async () => {
    const { summary, sessionId } = await ask(CREDENTIAL_SETS)
    expect(summary.choices.map(({ queryId, omittable, proposed }) => ({ queryId, omittable, proposed }))).toEqual([
      { queryId: 'income', omittable: false, proposed: true },
      { queryId: 'iban', omittable: true, proposed: false },
    ])
    // Credo's own pick leaves an optional set out; the person asks for it to go too, from the current account.
    const picks = { ...noPicks(), included: { iban: true }, credential: { income: current.id, iban: current.id } }
    expect(toChoice(summary, picks)).toEqual({ choose: { income: current.id, iban: current.id } })
    wire.length = 0
    await api['openid4vc.approveRequest']({ id: summary.id, ...toChoice(summary, picks) })
    expect(await verified(sessionId)).toEqual({
      income: { monthly_income: ACCOUNT_CLAIMS.monthly_income },
      iban: { iban: ACCOUNT_CLAIMS.iban },
    })

    const again = await ask(CREDENTIAL_SETS)
    await api['openid4vc.approveRequest']({ id: again.summary.id, omit: ['iban'], choose: { income: savings.id } })
    expect(await verified(again.sessionId)).toEqual({ income: { monthly_income: SAVINGS_CLAIMS.monthly_income } })
  })

  it('refuses a choice the query would not accept, in words, before anything leaves; nothing is recorded', async () => {
    const { summary, sessionId } = await ask(CREDENTIAL_SETS)
    const history = (await api['disclosures.list'](undefined)).length
    wire.length = 0
    const refusals = [
      [{ omit: ['income'] }, 'SubsetNotAllowed', 'cannot be answered'],
      [{ choose: { income: summary.id } }, 'RequestNotSatisfiable', 'does not answer'],
      [{ claimSets: { income: 3 } }, 'RequestNotSatisfiable', 'does not hold'],
      [{ choose: { passport: current.id } }, 'InvalidInput', 'asks nothing called passport'],
      [{ omit: ['iban'], choose: { iban: current.id } }, 'InvalidInput', 'both chosen and left out'],
    ] satisfies [PresentationChoice, string, string][]
    for (const [choice, code, words] of refusals) {
      await expect(api['openid4vc.approveRequest']({ id: summary.id, ...choice })).rejects.toMatchObject({
        code,
        message: expect.stringContaining(words),
      })
    }
    await expect(
      api['openid4vc.approveRequest']({ id: summary.id, claimSets: { income: -1 } } as never),
    ).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(wire).toHaveLength(0)
    expect(await api['disclosures.list'](undefined)).toHaveLength(history)
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(sessionId)
    expect(session.state).not.toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    // The request is still open: a valid choice answers it.
    await api['openid4vc.approveRequest']({ id: summary.id, omit: ['iban'] })
    const answered = await verified(sessionId)
    expect(Object.keys(answered)).toEqual(['income'])
    expect([ACCOUNT_CLAIMS.monthly_income, SAVINGS_CLAIMS.monthly_income]).toContain(answered.income.monthly_income)
  })
})
