import type { SdJwtVc } from '@credo-ts/core'
import { OpenId4VcModule, OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AppDatabaseToken, openAppDatabase, type OpenedAppDatabase } from '../../../electron/node/db'
import { DisclosuresService } from '../../../electron/node/disclosures'
import { CustosOpenId4VcModule, OfferService, PresentationService } from '../../../electron/node/openid4vc'
import { TrustListsModule } from '../../../electron/node/trustLists'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ASKED } from './lenderRequest'
import { accountDefinition, pexRequest } from './pexRequests'
import { ACCOUNT_VCT, offerFrom, plainAgent, startIssuer, startVerifier, UNASKED_ACCOUNT_VALUES } from './plainAgents'
import { readableWire } from './wire'

/**
 * Presentation Exchange requests (verifiers still on the OpenID4VP drafts) answered through the same path as
 * DCQL ones, by the openid4vc services on a Credo 0.6.3 agent with the node's Askar binding and app
 * database, against a plain Credo 0.6.3 verifier over HTTP on 127.0.0.1.
 */
const startHolder = (dir: string) =>
  plainAgent(dir, 'holder', {
    openid4vc: new OpenId4VcModule(),
    custosOpenId4Vc: new CustosOpenId4VcModule(),
    trustLists: new TrustListsModule(),
  })

describe('Presentation Exchange requests from a plain Credo 0.6.3 verifier', () => {
  const tmp = makeTmpDir('custos-oid4vp-pex-')
  const wire: Record<string, unknown>[] = []
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  let appDb: OpenedAppDatabase
  let holder: Awaited<ReturnType<typeof startHolder>>
  const presentations = new PresentationService()

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    verifier = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    appDb = openAppDatabase(`${tmp.dir}/app/custos.db`, 'c7'.repeat(32))
    holder = await startHolder(`${tmp.dir}/holder`)
    holder.dependencyManager.registerInstance(AppDatabaseToken, appDb.db)
    holder.dependencyManager.registerSingleton(DisclosuresService)
    const offers = new OfferService()
    await offers.accept(holder.context, (await offerFrom(issuer, false)).credentialOffer)
  })

  afterAll(async () => {
    await holder?.shutdown()
    appDb?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  const history = () => holder.dependencyManager.resolve(DisclosuresService).list(holder.context)
  const verified = async (sessionId: string) => {
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(sessionId)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { presentationExchange } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(sessionId)
    return (presentationExchange?.presentations[0] as SdJwtVc).prettyClaims
  }

  it('answers a definition by hand: exactly the asked claims leave, the verifier verifies them, the history has it', async () => {
    const { authorizationRequest, verificationSession } = await pexRequest(verifier, accountDefinition(ASKED))
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary).toMatchObject({ state: 'waiting', satisfiable: true, purpose: 'Mortgage offer', retention: 'P1Y' })
    expect(summary.verifier).toMatchObject({ proved: true, statedName: 'Example Lender' })
    expect(summary.verifier.clientId).toContain(verifier.didKey.did)
    expect(summary.asked).toEqual([{ descriptorId: 'account', types: [ACCOUNT_VCT], claims: ASKED, optional: false }])
    expect(summary.items[0].claimsLeaving).toEqual({ family_name: 'Mustermann', monthly_income: 4200 })
    expect(summary.warnings.map((warning) => warning.kind)).toContain('untrusted-requester')

    wire.length = 0
    const answer = await presentations.approve(holder.context, summary.id)
    const claims = await verified(verificationSession.id)
    expect(claims).toMatchObject({ family_name: 'Mustermann', monthly_income: 4200 })
    expect(claims).not.toHaveProperty('iban')
    const sent = readableWire(wire)
    expect(sent).toContain('Mustermann')
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)

    const [entry] = history()
    expect(entry).toMatchObject({ id: answer.disclosureId, decidedBy: { kind: 'person' }, purpose: 'Mortgage offer' })
    expect([...entry.credentials[0].claims].sort()).toEqual(ASKED)
  })

  it('discloses only the asked claims even when the definition does not limit disclosure', async () => {
    const definition = accountDefinition(['employer'], 'vc+sd-jwt', false)
    const { authorizationRequest, verificationSession } = await pexRequest(verifier, definition)
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary.items[0].claimsLeaving).toEqual({ employer: 'Example GmbH' })
    wire.length = 0
    await presentations.approve(holder.context, summary.id)
    expect(Object.keys(await verified(verificationSession.id))).not.toContain('family_name')
    const sent = readableWire(wire)
    expect(sent).toContain('Example GmbH')
    for (const value of ['Mustermann', ...UNASKED_ACCOUNT_VALUES.filter((v) => v !== 'Example GmbH')]) {
      expect(sent).not.toContain(value)
    }
    expect(history()).toHaveLength(2)
  })

  it('refuses a definition it cannot answer and a choice PE does not offer, sending and recording nothing', async () => {
    const { authorizationRequest } = await pexRequest(verifier, accountDefinition(['passport_number']))
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary).toMatchObject({ satisfiable: false, missing: [{ descriptorId: 'account' }] })
    wire.length = 0
    await expect(presentations.approve(holder.context, summary.id)).rejects.toMatchObject({
      code: 'RequestNotSatisfiable',
    })
    const other = await presentations.resolve(
      holder.context,
      (await pexRequest(verifier, accountDefinition(['employer']))).authorizationRequest,
    )
    await expect(presentations.approve(holder.context, other.id, { omit: ['account'] })).rejects.toMatchObject({
      code: 'SubsetNotAllowed',
    })
    await expect(presentations.approve(holder.context, other.id, { claimSets: { account: 1 } })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await expect(presentations.approve(holder.context, other.id, { choose: { licence: 'x' } })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await expect(
      presentations.approve(holder.context, other.id, { choose: { account: 'not-a-held-credential' } }),
    ).rejects.toMatchObject({ code: 'RequestNotSatisfiable' })
    expect(wire).toHaveLength(0)
    expect(history()).toHaveLength(2)
  })

  it('lets the person choose which matching credential answers: only the chosen one’s asked values leave', async () => {
    const [savings] = await new OfferService().accept(
      holder.context,
      (await offerFrom(issuer, false, 'savings')).credentialOffer,
    )
    const { authorizationRequest, verificationSession } = await pexRequest(
      verifier,
      accountDefinition(['monthly_income']),
    )
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary.choices).toEqual([
      {
        queryId: 'account',
        candidates: [summary.items[0].credentialId, savings.id],
        claimSets: [],
        omittable: false,
        proposed: true,
      },
    ])
    expect(summary.items[0].claimsLeaving).toEqual({ monthly_income: 4200 })
    wire.length = 0
    const answer = await presentations.approve(holder.context, summary.id, { choose: { account: savings.id } })
    expect(await verified(verificationSession.id)).toMatchObject({ monthly_income: 3100 })
    expect(readableWire(wire)).not.toContain('NL91ABNA0417164300')
    const entry = history().find((each) => each.id === answer.disclosureId)!
    expect(entry.credentials).toEqual([
      expect.objectContaining({ credentialId: savings.id, claims: ['monthly_income'] }),
    ])
  })

  it('refuses in words a definition whose requirements Credo cannot read (from_nested), sending nothing', async () => {
    const nested = {
      ...accountDefinition(ASKED),
      input_descriptors: accountDefinition(ASKED).input_descriptors.map((descriptor) => ({
        ...descriptor,
        group: ['A'],
      })),
      submission_requirements: [{ rule: 'pick', count: 1, from_nested: [{ rule: 'all', from: 'A' }] }],
    } as ReturnType<typeof accountDefinition>
    const before = history().length
    const { authorizationRequest } = await pexRequest(verifier, nested)
    wire.length = 0
    await expect(presentations.resolve(holder.context, authorizationRequest)).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('nested submission requirements'),
    })
    expect(wire).toHaveLength(0)
    expect(history()).toHaveLength(before)
  })

  it('reads a dc+sd-jwt definition as the SD-JWT VC it names: exactly the asked claims leave, and they verify', async () => {
    const before = history().length
    const definition = accountDefinition(ASKED, 'dc+sd-jwt')
    const { authorizationRequest, verificationSession } = await pexRequest(verifier, definition)
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary.items[0].claimsLeaving).toEqual({ family_name: 'Mustermann', monthly_income: 4200 })
    wire.length = 0
    // Credo 0.6.3's verifier cannot read its own dc+sd-jwt definition (its PE library refuses the name on
    // the answer, HTTP 500), so the node says the verifier refused; what left is in the history.
    await expect(presentations.approve(holder.context, summary.id)).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('refused the answer'),
    })
    expect(history()).toHaveLength(before + 1)
    const [body] = wire
    expect(JSON.parse(String(body.presentation_submission)).descriptor_map).toEqual([
      { id: 'account', format: 'dc+sd-jwt', path: '$' },
    ])
    const sent = readableWire(wire)
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)
    // The presentation itself holds up: the verifier's own SD-JWT VC check, with its nonce and audience.
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    const checked = await verifier.agent.sdJwtVc.verify({
      compactSdJwtVc: String(body.vp_token),
      keyBinding: { audience: verifier.didKey.did, nonce: String(session.requestPayload.nonce) },
      requiredClaimKeys: ASKED,
    })
    expect(checked.isValid).toBe(true)
    expect(checked.isValid && checked.sdJwtVc.prettyClaims).toMatchObject({ family_name: 'Mustermann' })
  })
})
