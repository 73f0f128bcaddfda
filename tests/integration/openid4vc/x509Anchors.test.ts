import type { SdJwtVc } from '@credo-ts/core'
import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TrustListDocument } from '../../../shared/api'
import type { CustosNode } from '../../../electron/node'
import { didKeyOfPrivateKey, signTrustList } from '../../../electron/node/trustLists'
import { demoPrivateKey } from '../../../scripts/companies'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ASKED, lenderPolicy } from './lenderRequest'
import { offerFrom, startIssuer, UNASKED_ACCOUNT_VALUES } from './plainAgents'
import { readableWire } from './wire'
import { startX509Verifier } from './x509Verifier'

const publisherKey = demoPrivateKey('openid4vc x509 anchors test publisher')
const list = (anchors: TrustListDocument['x509Anchors'], id = 'urn:example:lender-cas') =>
  JSON.stringify(
    signTrustList(
      {
        type: 'CustosTrustList',
        version: 1,
        id,
        name: 'Example lender authorities',
        publisher: didKeyOfPrivateKey(publisherKey),
        issued: new Date().toISOString(),
        entries: [],
        x509Anchors: anchors,
      },
      publisherKey,
    ),
  )

/**
 * A verifier that names itself by an X.509 certificate (`x509_san_dns`) is proved when its chain ends at a
 * CA an imported trust list names as an anchor, gets that anchor's roles, and a policy can answer it; a
 * chain from a CA no list names is refused in words and never answered. Whole node, plain Credo 0.6.3
 * verifier over HTTP on 127.0.0.1.
 */
describe('X.509 trust anchors from trust lists', () => {
  const tmp = makeTmpDir('custos-oid4vp-x509-')
  const wire: Record<string, unknown>[] = []
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let lender: Awaited<ReturnType<typeof startX509Verifier>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    lender = await startX509Verifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    await api['openid4vc.acceptOffer']({ offer: (await offerFrom(issuer, false)).credentialOffer })
    await lenderPolicy(api)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await lender?.close()
    tmp.cleanup()
  })

  it('refuses a list whose anchor is no certificate or was changed after signing, importing nothing', async () => {
    await expect(
      api['trustLists.import']({
        document: list([{ certificate: 'A'.repeat(200), name: 'Broken CA', roles: ['mortgage-lender'] }]),
      }),
    ).rejects.toMatchObject({ code: 'TrustListRefused', message: expect.stringContaining('not a certificate') })
    // The anchors are signed with the list: one changed after signing breaks the publisher's signature.
    const signed = JSON.parse(
      list([{ certificate: lender.listed.ca.toString('pem'), name: 'Example Lenders CA', roles: ['mortgage-lender'] }]),
    ) as TrustListDocument
    signed.x509Anchors![0].certificate = lender.unlisted.ca.toString('pem')
    await expect(api['trustLists.import']({ document: JSON.stringify(signed) })).rejects.toMatchObject({
      code: 'TrustListRefused',
      message: expect.stringContaining('signature'),
    })
    expect(await api['trustLists.list']()).toHaveLength(0)
  })

  it('refuses a certified verifier in words while no imported list names its CA', async () => {
    const { authorizationRequest } = await lender.ask(lender.listed, ASKED)
    wire.length = 0
    await expect(api['openid4vc.resolveRequest']({ request: authorizationRequest })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('nothing you trust vouches for'),
    })
    expect(wire).toHaveLength(0)
  })

  it('proves a verifier whose chain ends at a listed CA, gives it the list’s roles, and a policy answers it', async () => {
    const anchor = {
      certificate: lender.listed.ca.toString('pem'),
      name: 'Example Lenders CA',
      roles: ['mortgage-lender'],
    }
    const imported = await api['trustLists.import']({ document: list([anchor]) })
    expect(imported.x509Anchors).toEqual([anchor])
    expect((await api['trustLists.list']())[0].x509Anchors).toEqual([anchor])
    const { authorizationRequest, verificationSession } = await lender.ask(lender.listed, ASKED)
    wire.length = 0
    const answered = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(answered).toMatchObject({ state: 'answered', evaluation: { outcome: 'share' } })
    expect(answered.verifier).toMatchObject({
      clientId: 'x509_san_dns:localhost',
      proved: true,
      roles: ['mortgage-lender'],
      vouchedBy: [{ list: 'Example lender authorities', name: 'Example Lenders CA', roles: ['mortgage-lender'] }],
    })
    const session = await lender.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const { dcql } = await lender.agent.openid4vc.verifier.getVerifiedAuthorizationResponse(verificationSession.id)
    expect((dcql?.presentations.account?.[0] as SdJwtVc).prettyClaims).toMatchObject({ family_name: 'Mustermann' })
    const sent = readableWire(wire)
    for (const value of UNASKED_ACCOUNT_VALUES) expect(sent).not.toContain(value)
    expect(await api['disclosures.list']()).toHaveLength(1)
  })

  it('proves the same verifier naming itself by its certificate’s hash (x509_hash) by the same anchor', async () => {
    const { authorizationRequest, verificationSession } = await lender.ask(lender.listed, ASKED, 'x509_hash')
    const answered = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    expect(answered).toMatchObject({ state: 'answered', verifier: { prefix: 'x509_hash', roles: ['mortgage-lender'] } })
    expect(answered.verifier.clientId).toMatch(/^x509_hash:/)
    const session = await lender.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    expect(await api['disclosures.list']()).toHaveLength(2)
  })

  it('still refuses the same verifier signing with a certificate from a CA no list names', async () => {
    const { authorizationRequest, verificationSession } = await lender.ask(lender.unlisted, ASKED)
    wire.length = 0
    await expect(api['openid4vc.resolveRequest']({ request: authorizationRequest })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('nothing you trust vouches for'),
    })
    expect(wire).toHaveLength(0)
    expect(await api['disclosures.list']()).toHaveLength(2)
    const session = await lender.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).not.toBe(OpenId4VcVerificationSessionState.ResponseVerified)
  })
})
