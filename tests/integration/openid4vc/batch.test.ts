import { MdocDeviceResponse, MdocRepository, SdJwtVcRepository, type DcqlQuery } from '@credo-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { MDL_DOCTYPE, MDL_NAMESPACE, startFormatsIssuer } from './formatsIssuer'
import { accountQuery, makeDidKey, startVerifier } from './plainAgents'

/**
 * Batch issuance (OpenID4VCI 1.0 §8.3): an issuer that issues several instances of one credential, each
 * bound to its own new key, so that answers to different verifiers need not show the same signature and
 * key. The node keeps them as one credential with several instances (Credo's record), listed once.
 */
describe('a Custos node takes a batch of instances of one credential', () => {
  const tmp = makeTmpDir('custos-oid4vc-batch-')
  let issuer: Awaited<ReturnType<typeof startFormatsIssuer>>
  let verifier: Awaited<ReturnType<typeof startVerifier>>
  let node: CustosNode
  let api: ReturnType<typeof apiOf>
  const wire: Record<string, unknown>[] = []

  beforeAll(async () => {
    issuer = await startFormatsIssuer(`${tmp.dir}/authority`, 3)
    verifier = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    verifier.agent.x509.config.addTrustedCertificate(issuer.certificate)
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await verifier?.close()
    tmp.cleanup()
  })

  it('keeps three SD-JWT VC instances on three keys as one credential', async () => {
    const { credentialOffer } = await issuer.offer('account')
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    const taken = await api['openid4vc.acceptOffer']({ offer: summary.offer })
    expect(taken).toHaveLength(1)
    const record = await node.agent.dependencyManager
      .resolve(SdJwtVcRepository)
      .getById(node.agent.context, taken[0].id)
    expect(record.credentialInstances).toHaveLength(3)
    const keys = record.credentialInstances.map((instance) => instance.kmsKeyId)
    expect(new Set(keys).size).toBe(3)
    const signatures = record.credentialInstances.map((instance) => instance.compactSdJwtVc.split('~')[0].split('.')[2])
    expect(new Set(signatures).size).toBe(3)
    expect((await api['credentials.list'](undefined)).map((credential) => credential.id)).toEqual([taken[0].id])
  })

  it('keeps three mdoc instances on three device keys as one credential', async () => {
    const { credentialOffer } = await issuer.offer('licence')
    const summary = await api['openid4vc.resolveOffer']({ offer: credentialOffer })
    const [held] = await api['openid4vc.acceptOffer']({ offer: summary.offer })
    const record = await node.agent.dependencyManager.resolve(MdocRepository).getById(node.agent.context, held.id)
    expect(new Set(record.credentialInstances.map((instance) => instance.kmsKeyId)).size).toBe(3)
  })

  const licenceQuery: DcqlQuery = {
    credentials: [
      {
        id: 'licence',
        format: 'mso_mdoc',
        meta: { doctype_value: MDL_DOCTYPE },
        claims: [{ path: [MDL_NAMESPACE, 'family_name'] }],
      },
    ],
  }

  /** Answers a request signed by `kid` (one client id per key) and returns what was sent per query. */
  async function answered(kid: string, query: DcqlQuery): Promise<Record<string, string[]>> {
    const { authorizationRequest } = await verifier.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifier.verifierId,
      requestSigner: { method: 'did', didUrl: kid },
      dcql: { query },
      responseMode: 'direct_post',
      version: 'v1',
    })
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    const before = wire.length
    await api['openid4vc.approveRequest']({ id: summary.id })
    return JSON.parse(String(wire.slice(before).find((body) => body.vp_token)?.vp_token)) as Record<string, string[]>
  }

  /** The issuer signature of the SD-JWT VC instance an answer for family_name carried. */
  const answer = async (kid: string) =>
    (await answered(kid, accountQuery(['family_name']))).account[0].split('~')[0].split('.')[2]
  /** The device key of the mdoc instance an answer carried. */
  const answerMdoc = async (kid: string) =>
    MdocDeviceResponse.fromBase64Url((await answered(kid, licenceQuery)).licence[0]).documents[0].deviceKey.fingerprint

  it('answers each verifier with its own instance, the same one again, and none when all went elsewhere', async () => {
    const [account] = (await api['credentials.list'](undefined)).filter(
      (held) => held.provenance.format === 'vc+sd-jwt',
    )
    const record = await node.agent.dependencyManager.resolve(SdJwtVcRepository).getById(node.agent.context, account.id)
    const signatures = record.credentialInstances.map((instance) => instance.compactSdJwtVc.split('~')[0].split('.')[2])
    const kids = [
      verifier.didKey.kid,
      ...(await Promise.all([1, 2, 3].map(async () => (await makeDidKey(verifier.agent.context)).kid))),
    ]

    const first = await answer(kids[0])
    expect(await answer(kids[0])).toBe(first)
    const second = await answer(kids[1])
    const third = await answer(kids[2])
    expect(new Set([first, second, third]).size).toBe(3)
    expect(signatures).toEqual(expect.arrayContaining([first, second, third]))

    // The fourth verifier would get one the others have: refused, nothing sent or recorded.
    const history = (await api['disclosures.list'](undefined)).length
    const posted = wire.length
    const { authorizationRequest } = await verifier.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifier.verifierId,
      requestSigner: { method: 'did', didUrl: kids[3] },
      dcql: { query: accountQuery(['family_name']) },
      responseMode: 'direct_post',
      version: 'v1',
    })
    const summary = await api['openid4vc.resolveRequest']({ request: authorizationRequest })
    await expect(api['openid4vc.approveRequest']({ id: summary.id })).rejects.toMatchObject({
      code: 'RequestNotSatisfiable',
    })
    expect(wire).toHaveLength(posted)
    expect(await api['disclosures.list'](undefined)).toHaveLength(history)
    // All three instances are still held.
    const after = await node.agent.dependencyManager.resolve(SdJwtVcRepository).getById(node.agent.context, account.id)
    expect(after.credentialInstances).toHaveLength(3)
  })

  it('answers each verifier with its own mdoc instance (device key), and none when all went elsewhere', async () => {
    const kids = await Promise.all([1, 2, 3, 4].map(async () => (await makeDidKey(verifier.agent.context)).kid))
    const first = await answerMdoc(kids[0])
    expect(await answerMdoc(kids[0])).toBe(first)
    const others = [await answerMdoc(kids[1]), await answerMdoc(kids[2])]
    expect(new Set([first, ...others]).size).toBe(3)
    const posted = wire.length
    await expect(answered(kids[3], licenceQuery)).rejects.toMatchObject({ code: 'RequestNotSatisfiable' })
    expect(wire).toHaveLength(posted)
  })
})
