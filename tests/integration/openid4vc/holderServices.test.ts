import type { SdJwtVc } from '@credo-ts/core'
import { OpenId4VcIssuanceSessionState, OpenId4VcModule, OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AppDatabaseToken, openAppDatabase, type OpenedAppDatabase } from '../../../electron/node/db'
import { DisclosuresService } from '../../../electron/node/disclosures'
import { CustosOpenId4VcModule, OfferService, PresentationService } from '../../../electron/node/openid4vc'
import { TrustListsModule } from '../../../electron/node/trustLists'
import { freePort } from '../../helpers/freePort'
import { makeTmpDir } from '../../helpers/tmpDir'
import {
  ACCOUNT_CLAIMS,
  ACCOUNT_VCT,
  accountQuery,
  offerFrom,
  UNASKED_ACCOUNT_VALUES,
  plainAgent,
  startCertifiedVerifier,
  startIssuer,
  startVerifier,
} from './plainAgents'
import { readableWire } from './wire'

/**
 * The openid4vc capability's services on a Credo 0.6.3 agent with the node's own Askar binding and an
 * encrypted app database (the consent evaluations and the disclosure history are the node's tables),
 * against Credo's issuer and verifier over HTTP on 127.0.0.1. The same flows through a whole Custos node
 * and its API are in nodeOpenId4Vc.test.ts.
 */
describe('the openid4vc capability against Credo 0.6.3 issuer and verifier', () => {
  const tmp = makeTmpDir('custos-oid4vc-services-')
  const wire: Record<string, unknown>[] = []
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  let appDb: OpenedAppDatabase
  let holder: Awaited<ReturnType<typeof startHolder>>
  const offers = new OfferService()
  const presentations = new PresentationService()

  async function startHolder() {
    const agent = await plainAgent(`${tmp.dir}/holder`, 'holder', {
      openid4vc: new OpenId4VcModule(),
      custosOpenId4Vc: new CustosOpenId4VcModule(),
      trustLists: new TrustListsModule(),
    })
    agent.dependencyManager.registerInstance(AppDatabaseToken, appDb.db)
    agent.dependencyManager.registerSingleton(DisclosuresService)
    return agent
  }

  const history = () => holder.dependencyManager.resolve(DisclosuresService).list(holder.context)
  const held = () => holder.sdJwtVc.getAll()

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    verifier = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    appDb = openAppDatabase(`${tmp.dir}/app/custos.db`, 'c5'.repeat(32))
    holder = await startHolder()
  })

  afterAll(async () => {
    await holder?.shutdown()
    appDb?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  const offer = (txCode: boolean, configuration = 'account') => offerFrom(issuer, txCode, configuration)

  async function request(
    claims: string[],
    signed = true,
    responseMode: 'direct_post' | 'direct_post.jwt' = 'direct_post',
  ) {
    const query = accountQuery(claims)
    return verifier.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifier.verifierId,
      requestSigner: signed ? { method: 'did', didUrl: verifier.didKey.kid } : { method: 'none' },
      dcql: { query },
      responseMode,
      version: 'v1',
    })
  }

  it('takes an offer without a transaction code, showing who offers what', async () => {
    const { credentialOffer } = await offer(false)
    const summary = await offers.resolve(holder.context, credentialOffer)
    expect(summary.issuer).toMatchObject({ name: 'Example Bank' })
    expect(summary.issuer.url).toBe(`${issuer.baseUrl}/oid4vci/${issuer.issuer.issuerId}`)
    expect(summary.credentials).toEqual([
      {
        configurationId: 'account',
        format: 'dc+sd-jwt',
        name: 'Account holder',
        display: { names: [{ name: 'Account holder', locale: 'en' }], claims: {}, issuerNames: summary.issuer.names },
        type: ACCOUNT_VCT,
        supported: true,
      },
    ])
    expect(summary.txCode).toBeUndefined()
    const [credential] = await offers.accept(holder.context, summary.offer)
    expect(credential.claims).toMatchObject({ iban: ACCOUNT_CLAIMS.iban, family_name: 'Mustermann' })
    expect(credential.provenance.signature.result).toBe('valid')
    expect((await held()).map((record) => record.id)).toEqual([credential.id])
  })

  it('asks for the transaction code, refuses a missing or wrong one storing nothing, takes the right one', async () => {
    const { credentialOffer, issuanceSession } = await offer(true)
    const summary = await offers.resolve(holder.context, credentialOffer)
    expect(summary.txCode).toEqual({ description: 'The code in your bank letter', length: 6, inputMode: 'numeric' })
    await expect(offers.accept(holder.context, summary.offer)).rejects.toMatchObject({ code: 'InvalidInput' })
    const wrong = issuanceSession.userPin === '000000' ? '111111' : '000000'
    await expect(offers.accept(holder.context, summary.offer, wrong)).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('did not accept the code'),
    })
    expect(await held()).toHaveLength(1)
    expect(await offers.accept(holder.context, summary.offer, issuanceSession.userPin)).toHaveLength(1)
    expect(await held()).toHaveLength(2)
  })

  it("takes the drafts' vc+sd-jwt too, and refuses an ldp_vc offer in words before asking for anything", async () => {
    const legacy = await offers.resolve(holder.context, (await offer(false, 'accountLegacy')).credentialOffer)
    expect(legacy.credentials[0]).toMatchObject({ format: 'vc+sd-jwt', supported: true })
    expect(await offers.accept(holder.context, legacy.offer)).toHaveLength(1)
    expect(await held()).toHaveLength(3)

    const { credentialOffer, issuanceSession } = await offer(false, 'diploma')
    const diploma = await offers.resolve(holder.context, credentialOffer)
    expect(diploma.credentials[0]).toMatchObject({ format: 'ldp_vc', type: 'DiplomaCredential', supported: false })
    await expect(offers.accept(holder.context, diploma.offer)).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining('ldp_vc'),
    })
    expect(await held()).toHaveLength(3)
    // Refused before a token was asked: the issuer's offer was never redeemed.
    const session = await issuer.agent.openid4vc.issuer.getIssuanceSessionById(issuanceSession.id)
    expect(session.state).not.toBe(OpenId4VcIssuanceSessionState.AccessTokenCreated)
    expect(session.state).not.toBe(OpenId4VcIssuanceSessionState.Completed)
  })

  it('refuses a malformed offer, an unreachable issuer and a plain-http address elsewhere in words, storing nothing', async () => {
    await expect(offers.resolve(holder.context, 'openid-credential-offer://?foo=bar')).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('no credential offer'),
    })
    await expect(offers.accept(holder.context, '{"credential_issuer": 12}')).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    const closed = `http://127.0.0.1:${await freePort()}/offer/1`
    await expect(
      offers.accept(holder.context, `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(closed)}`),
    ).rejects.toMatchObject({ code: 'PeerUnreachable' })
    const elsewhere = encodeURIComponent('http://bank.example/offer/1')
    await expect(
      offers.resolve(holder.context, `openid-credential-offer://?credential_offer_uri=${elsewhere}`),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('not an https address') })
    expect(await held()).toHaveLength(3)
  })

  it('answers a DCQL request for 2 of 6 claims by hand: only those leave, the verifier accepts, the history has it', async () => {
    const { authorizationRequest, verificationSession } = await request(['family_name', 'monthly_income'])
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary.verifier).toMatchObject({
      clientId: `decentralized_identifier:${verifier.didKey.did}`,
      prefix: 'decentralized_identifier',
      proved: true,
      statedName: 'Example Lender',
    })
    expect(summary).toMatchObject({ state: 'waiting', satisfiable: true, evaluation: { outcome: 'none' } })
    expect(summary.items[0].claimsLeaving).toEqual({ family_name: 'Mustermann', monthly_income: 4200 })
    expect(summary.warnings.map((warning) => warning.kind)).toContain('untrusted-requester')

    wire.length = 0
    const answer = await presentations.approve(holder.context, summary.id)
    expect(answer.state).toBe('answered')
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(verificationSession.id)
    const presented = dcql?.presentations.account?.[0] as SdJwtVc
    expect(presented.prettyClaims).toMatchObject({ family_name: 'Mustermann', monthly_income: 4200 })
    expect(presented.prettyClaims).not.toHaveProperty('iban')

    // What crossed the wire, every SD-JWT part decoded: the asked values are there, no other one is.
    const sent = readableWire(wire)
    expect(sent).toContain('Mustermann')
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)

    const [entry] = history()
    expect(entry).toMatchObject({ id: answer.disclosureId, requestId: summary.id, decidedBy: { kind: 'person' } })
    expect(entry.recipient).toBe(`Example Lender (decentralized_identifier:${verifier.didKey.did})`)
    expect(entry.threadId).toMatch(/^openid4vp:/)
    expect(entry.credentials).toHaveLength(1)
    expect(entry.credentials[0]).toMatchObject({ credentialId: summary.items[0].credentialId, types: [ACCOUNT_VCT] })
    expect([...entry.credentials[0].claims].sort()).toEqual(['family_name', 'monthly_income'])
    await expect(presentations.approve(holder.context, summary.id)).rejects.toMatchObject({ code: 'NotFound' })
  })

  it('refuses a request for a claim it does not hold: a typed error, nothing sent, nothing recorded', async () => {
    const { authorizationRequest, verificationSession } = await request(['family_name', 'passport_number'])
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary).toMatchObject({ satisfiable: false, state: 'waiting' })
    expect(summary.missing.map((item) => item.descriptorId)).toEqual(['account'])
    wire.length = 0
    await expect(presentations.approve(holder.context, summary.id)).rejects.toMatchObject({
      code: 'RequestNotSatisfiable',
    })
    expect(wire).toHaveLength(0)
    expect(history()).toHaveLength(1)
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).not.toBe(OpenId4VcVerificationSessionState.ResponseVerified)
  })

  it('answers with an encrypted response (direct_post.jwt): the verifier decrypts and accepts it', async () => {
    const { authorizationRequest, verificationSession } = await request(['employer'], true, 'direct_post.jwt')
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary.items[0].claimsLeaving).toEqual({ employer: ACCOUNT_CLAIMS.employer })
    wire.length = 0
    await presentations.approve(holder.context, summary.id)
    expect(wire).toEqual([expect.objectContaining({ response: expect.any(String) })])
    // Encrypted to the verifier: not even the disclosed value is readable on the wire.
    expect(readableWire(wire)).not.toContain(ACCOUNT_CLAIMS.employer)
    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(verificationSession.id)
    expect((dcql?.presentations.account?.[0] as SdJwtVc).prettyClaims).toMatchObject({
      employer: ACCOUNT_CLAIMS.employer,
    })
    expect(history()).toHaveLength(2)
  })

  it('takes an unsigned request as not proved, and a declined one sends the verifier no claim', async () => {
    const { authorizationRequest, verificationSession } = await request(['family_name'], false)
    const summary = await presentations.resolve(holder.context, authorizationRequest)
    expect(summary.verifier).toMatchObject({ prefix: 'redirect_uri', proved: false, roles: [] })
    expect(summary.state).toBe('waiting')
    wire.length = 0
    expect(await presentations.decline(holder.context, summary.id)).toEqual({
      requestId: summary.id,
      state: 'declined',
    })
    expect(wire).toEqual([expect.objectContaining({ error: 'access_denied' })])
    expect(readableWire(wire)).not.toContain('Mustermann')
    expect(history()).toHaveLength(2)
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).not.toBe(OpenId4VcVerificationSessionState.ResponseVerified)
  })

  it('refuses a verifier whose certificate nothing trusted vouches for, and proves it once one does', async () => {
    const certified = await startCertifiedVerifier(`${tmp.dir}/certified`)
    try {
      const ask = () =>
        certified.agent.openid4vc.verifier.createAuthorizationRequest({
          verifierId: certified.verifier.verifierId,
          requestSigner: { method: 'x5c', x5c: [certified.certificate] },
          dcql: {
            query: { credentials: [{ id: 'account', format: 'dc+sd-jwt', meta: { vct_values: [ACCOUNT_VCT] } }] },
          },
          responseMode: 'direct_post',
          version: 'v1',
        })
      await expect(presentations.resolve(holder.context, (await ask()).authorizationRequest)).rejects.toMatchObject({
        code: 'InvalidInput',
        message: expect.stringContaining('nothing you trust vouches for'),
      })
      // Where trust anchors from imported trust lists will go: Credo's X509 configuration.
      holder.x509.config.addTrustedCertificate(certified.certificate.toString('base64'))
      const summary = await presentations.resolve(holder.context, (await ask()).authorizationRequest)
      expect(summary.verifier).toMatchObject({
        clientId: 'x509_san_dns:localhost',
        prefix: 'x509_san_dns',
        proved: true,
      })
      await presentations.decline(holder.context, summary.id)
    } finally {
      await certified.close()
    }
  })

  it('refuses a malformed request link in words', async () => {
    await expect(presentations.resolve(holder.context, 'openid4vp://?nonce=1')).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('who asks'),
    })
    await expect(presentations.resolve(holder.context, 'not a link')).rejects.toMatchObject({ code: 'InvalidInput' })
  })
})
