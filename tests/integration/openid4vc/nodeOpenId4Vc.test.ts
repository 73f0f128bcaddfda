import type { SdJwtVc } from '@credo-ts/core'
import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createLiveDispatch, type CustosNode } from '../../../electron/node'
import { freePort } from '../../helpers/freePort'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import {
  ACCOUNT_CLAIMS,
  ACCOUNT_VCT,
  accountQuery,
  offerFrom,
  startIssuer,
  startVerifier,
  UNASKED_ACCOUNT_VALUES,
} from './plainAgents'
import { listAsLender, lenderPolicy } from './lenderRequest'
import { readableWire } from './wire'

/**
 * A Custos node as an OpenID4VC holder against Credo 0.6.3's own issuer and verifier modules over HTTP on
 * 127.0.0.1: offers taken by pre-authorized code with and without a transaction code, a DCQL request
 * answered by hand through the node's consent and history, and bad input refused with nothing stored.
 */
describe('a Custos node speaks OpenID4VCI 1.0 and OpenID4VP 1.0', () => {
  const tmp = makeTmpDir('custos-oid4vc-node-')
  const wire: Record<string, unknown>[] = []
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    verifier = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  const offer = (txCode: boolean) => offerFrom(issuer, txCode)

  const TERMS = {
    format: 'custos_terms',
    data: { dpvPurpose: 'dpv:CreditChecking', purpose: 'Mortgage offer', retention: 'P1Y' },
  }

  async function request(claims: string[], options: { signed?: boolean; terms?: boolean } = {}) {
    const query = accountQuery(claims)
    return verifier.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifier.verifierId,
      requestSigner: options.signed === false ? { method: 'none' } : { method: 'did', didUrl: verifier.didKey.kid },
      dcql: { query },
      verifierInfo: options.terms ? [TERMS] : undefined,
      responseMode: 'direct_post',
      version: 'v1',
    })
  }

  it('shows who offers what and takes an offer without a transaction code', async () => {
    const { credentialOffer } = await offer(false)
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    expect(summary.issuer).toMatchObject({
      name: 'Example Bank',
      url: `${issuer.baseUrl}/oid4vci/${issuer.issuer.issuerId}`,
    })
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
    // The window hears of the new credential, though no DIDComm exchange announces it (an SdJwtVcRecord save).
    const topics: string[] = []
    const live = createLiveDispatch(node, (topic) => topics.push(topic))
    const [held] = (await live.dispatch('openid4vc.acceptOffer', { offer: summary.offer })) as Awaited<
      ReturnType<(typeof api)['openid4vc.acceptOffer']>
    >
    live.close()
    expect(topics).toContain('credentials')
    expect(held.claims).toMatchObject({ iban: ACCOUNT_CLAIMS.iban, family_name: 'Mustermann' })
    expect((await api['credentials.list'](undefined)).map((credential) => credential.id)).toContain(held.id)
  })

  it('asks for the transaction code, refuses a wrong one and stores nothing, takes the right one', async () => {
    const { credentialOffer, issuanceSession } = await offer(true)
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    expect(summary.txCode).toEqual({ description: 'The code in your bank letter', length: 6, inputMode: 'numeric' })
    const before = (await api['credentials.list'](undefined)).length
    await expect(api['openid4vc.acceptOffer']({ offer: summary.offer })).rejects.toMatchObject({ code: 'InvalidInput' })
    const wrong = issuanceSession.userPin === '000000' ? '111111' : '000000'
    await expect(api['openid4vc.acceptOffer']({ offer: summary.offer, txCode: wrong })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    expect(await api['credentials.list'](undefined)).toHaveLength(before)
    const taken = await api['openid4vc.acceptOffer']({ offer: summary.offer, txCode: issuanceSession.userPin })
    expect(taken).toHaveLength(1)
    expect(await api['credentials.list'](undefined)).toHaveLength(before + 1)
  })

  it('refuses a malformed offer and an unreachable issuer in words, storing nothing', async () => {
    const before = (await api['credentials.list'](undefined)).length
    await expect(api['openid4vc.resolveOffer']({ offer: 'openid-credential-offer://?foo=bar' })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('no credential offer'),
    })
    await expect(api['openid4vc.acceptOffer']({ offer: '{"credential_issuer": 12}' })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    const closed = `http://127.0.0.1:${await freePort()}/offer/1`
    await expect(
      api['openid4vc.resolveOffer']({
        offer: `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(closed)}`,
      }),
    ).rejects.toMatchObject({ code: 'PeerUnreachable' })
    await expect(
      api['openid4vc.resolveOffer']({
        offer: `openid-credential-offer://?credential_offer_uri=${encodeURIComponent('http://bank.example/offer/1')}`,
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('not an https address') })
    expect(await api['credentials.list'](undefined)).toHaveLength(before)
  })

  it('answers a DCQL request for 2 of 6 claims by hand: only those leave, the verifier accepts, the history has it', async () => {
    const { authorizationRequest, verificationSession } = await request(['family_name', 'monthly_income'])
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(summary.verifier).toMatchObject({
      proved: true,
      prefix: 'decentralized_identifier',
      statedName: 'Example Lender',
    })
    expect(summary.verifier.clientId).toContain(verifier.didKey.did)
    expect(summary.state).toBe('waiting')
    expect(summary.satisfiable).toBe(true)
    expect(Object.keys(summary.items[0].claimsLeaving).sort()).toEqual(['family_name', 'monthly_income'])
    expect(summary.evaluation?.outcome).toBe('none')

    expect((await api['openid4vc.listRequests'](undefined)).map((waiting) => waiting.id)).toEqual([summary.id])
    const historyBefore = (await api['disclosures.list'](undefined)).length
    wire.length = 0
    const answer = await api['openid4vc.approveRequest']({ id: summary.id })
    expect(await api['openid4vc.listRequests'](undefined)).toEqual([])
    expect(answer.state).toBe('answered')

    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { dcql } = await verifier.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(verificationSession.id)
    const presented = dcql?.presentations.account?.[0] as SdJwtVc
    expect(presented.prettyClaims).toMatchObject({ family_name: 'Mustermann', monthly_income: 4200 })

    const sent = readableWire(wire)
    expect(sent).toContain('Mustermann')
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)

    const history = await api['disclosures.list'](undefined)
    expect(history).toHaveLength(historyBefore + 1)
    const entry = history.find((disclosure) => disclosure.id === answer.disclosureId)
    expect(entry).toMatchObject({ requestId: summary.id, decidedBy: { kind: 'person' } })
    expect(entry?.recipient).toContain('Example Lender')
    expect(entry?.credentials[0].claims.sort()).toEqual(['family_name', 'monthly_income'])
    const [receipt] = await api['disclosures.receipts']({ id: entry!.id })
    expect(receipt.delivery.protocol).toBe('openid4vp/1.0')
    expect(receipt.controllers[0].contact).toBe('openid4vp')

    // Revoking keeps the entry and says so; there is no channel back to ask the verifier to delete.
    const policiesBefore = (await api['consent.listPolicies'](undefined)).length
    const revoked = await api['disclosures.revoke']({ id: entry!.id })
    expect(revoked.revokedAt).toBeDefined()
    expect(revoked.deletionRequestedAt).toBeUndefined()
    expect(await api['consent.listPolicies'](undefined)).toHaveLength(policiesBefore)
    const [withdrawn] = await api['disclosures.receipts']({ id: entry!.id })
    expect(withdrawn).toMatchObject({ state: 'withdrawn' })
    expect(withdrawn.withdrawal_method).toContain('no channel back')
  })

  it('refuses to answer a request for a claim it does not hold: a typed error, nothing sent or recorded', async () => {
    const { authorizationRequest, verificationSession } = await request(['family_name', 'passport_number'])
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(summary.satisfiable).toBe(false)
    expect(summary.missing.map((item) => item.descriptorId)).toEqual(['account'])
    const historyBefore = (await api['disclosures.list'](undefined)).length
    wire.length = 0
    await expect(api['openid4vc.approveRequest']({ id: summary.id })).rejects.toMatchObject({
      code: 'RequestNotSatisfiable',
    })
    expect(wire).toHaveLength(0)
    expect(await api['disclosures.list'](undefined)).toHaveLength(historyBefore)
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).not.toBe(OpenId4VcVerificationSessionState.ResponseVerified)
  })

  it('lets a standing policy answer a proved verifier a trust list names, never one whose identity is not proved', async () => {
    await listAsLender(api, verifier.didKey.did)
    const policy = await lenderPolicy(api)

    const unproved = await api['openid4vc.resolveRequest']({
      request: (await request(['family_name', 'monthly_income'], { signed: false, terms: true })).authorizationRequest,
    })
    expect(unproved).toMatchObject({ state: 'waiting', verifier: { proved: false, roles: [] } })
    expect(unproved.evaluation?.outcome).toBe('none')

    wire.length = 0
    const { authorizationRequest, verificationSession } = await request(['family_name', 'monthly_income'], {
      terms: true,
    })
    const answered = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(answered).toMatchObject({
      state: 'answered',
      purpose: 'Mortgage offer',
      dpvPurpose: 'dpv:CreditChecking',
      retention: 'P1Y',
      verifier: { proved: true, roles: ['mortgage-lender'] },
      evaluation: { outcome: 'share', decidedBy: { policyId: policy.id } },
    })
    const session = await verifier.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    expect(readableWire(wire)).not.toContain(ACCOUNT_CLAIMS.iban)
    const [decision] = await api['consent.decisions']({ limit: 5 })
    expect(decision).toMatchObject({ requestId: answered.id, outcome: 'shared', policyId: policy.id })
    const entry = (await api['disclosures.list'](undefined)).find(
      (disclosure) => disclosure.id === answered.disclosureId,
    )
    expect(entry).toMatchObject({
      decidedBy: { kind: 'policy', policyId: policy.id },
      purpose: 'Mortgage offer',
      purposeIds: ['dpv:CreditChecking'],
      retention: 'P1Y',
    })
  })
})
