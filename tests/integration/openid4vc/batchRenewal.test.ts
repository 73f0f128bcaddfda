import { SdJwtVcRepository } from '@credo-ts/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { didKeyOfPrivateKey, signTrustList } from '../../../electron/node/trustLists'
import { demoPrivateKey } from '../../../scripts/companies'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { RESIDENCE_VCT, startIndependentIssuer } from './independentIssuer/issuer'
import { startIndependentVerifier } from './independentVerifier'
import { LENDER_TERMS } from './lenderRequest'

const query = {
  credentials: [
    { id: 'residence', format: 'dc+sd-jwt', meta: { vct_values: [RESIDENCE_VCT] }, claims: [{ path: ['locality'] }] },
  ],
}

type Verifier = Awaited<ReturnType<typeof startIndependentVerifier>>

/** The issuer's signature on the instance a verifier received (tells instances apart). */
function signatureSentTo(verifier: Verifier, state: string): string {
  expect(verifier.refused.get(state)).toBeUndefined()
  const body = verifier.bodies.find((sent) => sent.state === state)
  const tokens = JSON.parse(String(body?.vp_token)) as Record<string, string[]>
  return tokens.residence[0].split('~')[0].split('.')[2]
}

/**
 * A batch whose instances all went to verifiers (OpenID4VCI 1.0 §8.3 batches, one instance per verifier):
 * the next verifier's request says so before anything is sent, in words, and is not answered with a
 * reused instance; where the issuer gave a refresh token, the node asks it for a new batch, and the
 * waiting request is then answered with an instance no other verifier has. Against the independent issuer.
 */
describe('a used-up batch', () => {
  const tmp = makeTmpDir('custos-oid4vc-renewal-')
  let issuer: Awaited<ReturnType<typeof startIndependentIssuer>>
  let single: Awaited<ReturnType<typeof startIndependentIssuer>>
  const verifiers: Verifier[] = []
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startIndependentIssuer('Independent Registry', { batchSize: 2, refreshTokens: true })
    single = await startIndependentIssuer('Registry without refresh', { batchSize: 2 })
    for (const name of ['First Lender', 'Second Lender', 'Third Lender']) {
      verifiers.push(await startIndependentVerifier(name))
    }
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await single?.close()
    for (const verifier of verifiers) await verifier.close()
    tmp.cleanup()
  })

  async function ask(verifier: Verifier) {
    const { link, state } = verifier.ask(query)
    return { summary: await api['openid4vc.resolveRequest']({ request: link }), state }
  }

  it('warns, sends nothing, renews the batch with the refresh token, then answers with a new instance', async () => {
    const [held] = await api['openid4vc.acceptOffer']({
      offer: issuer.offer({ txCode: false, byReference: false }).link,
    })
    const repository = node.agent.dependencyManager.resolve(SdJwtVcRepository)
    const before = await repository.getById(node.agent.context, held.id)
    expect(before.credentialInstances).toHaveLength(2)

    const given: string[] = []
    for (const verifier of verifiers.slice(0, 2)) {
      const { summary, state } = await ask(verifier)
      expect(summary.warnings.map((warning) => warning.kind)).not.toContain('used-up-batch-renewable')
      await api['openid4vc.approveRequest']({ id: summary.id })
      given.push(signatureSentTo(verifier, state))
    }
    expect(new Set(given).size).toBe(2)

    const third = verifiers[2]
    const { summary, state } = await ask(third)
    expect(summary.warnings).toContainEqual(
      expect.objectContaining({ kind: 'used-up-batch-renewable', credentialId: held.id, claims: [] }),
    )
    const history = (await api['disclosures.list'](undefined)).length
    await expect(api['openid4vc.approveRequest']({ id: summary.id })).rejects.toMatchObject({
      code: 'RequestNotSatisfiable',
    })
    expect(third.bodies).toHaveLength(0)
    expect(await api['disclosures.list'](undefined)).toHaveLength(history)

    const renewed = await api['openid4vc.renewBatch']({ credentialId: held.id })
    expect(renewed.id).toBe(held.id)
    expect(issuer.issued).toHaveLength(4)
    const after = await repository.getById(node.agent.context, held.id)
    expect(after.credentialInstances).toHaveLength(2)
    const oldKeys = before.credentialInstances.map((instance) => instance.kmsKeyId)
    for (const instance of after.credentialInstances) expect(oldKeys).not.toContain(instance.kmsKeyId)
    expect((await api['credentials.list'](undefined)).map((credential) => credential.id)).toEqual([held.id])

    // The request that waited is answered now, with an instance neither other verifier has.
    const [waiting] = await api['openid4vc.listRequests'](undefined)
    expect(waiting.warnings.map((warning) => warning.kind)).not.toContain('used-up-batch-renewable')
    await api['openid4vc.approveRequest']({ id: summary.id })
    expect(given).not.toContain(signatureSentTo(third, state))
  })

  it('says so without offering a new batch when the issuer gave no refresh token, and renewing is refused', async () => {
    const [held] = await api['openid4vc.acceptOffer']({
      offer: single.offer({ txCode: false, byReference: false }).link,
    })
    // Only this credential answers: the renewed one above is removed from the picture.
    const others = (await api['credentials.list'](undefined)).filter((credential) => credential.id !== held.id)
    const repository = node.agent.dependencyManager.resolve(SdJwtVcRepository)
    for (const other of others) await repository.deleteById(node.agent.context, other.id)
    for (const verifier of verifiers.slice(0, 2)) {
      const { summary } = await ask(verifier)
      await api['openid4vc.approveRequest']({ id: summary.id })
    }
    const { summary } = await ask(verifiers[2])
    expect(summary.warnings).toContainEqual(expect.objectContaining({ kind: 'used-up-batch', credentialId: held.id }))
    await expect(api['openid4vc.renewBatch']({ credentialId: held.id })).rejects.toMatchObject({
      code: 'CredentialRefused',
      message: expect.stringContaining('no way to ask for new copies'),
    })
    expect(single.issued).toHaveLength(2)
  })

  it('gives two requests that wait at the same time two different instances', async () => {
    const [held] = await api['openid4vc.acceptOffer']({
      offer: issuer.offer({ txCode: false, byReference: false }).link,
    })
    const repository = node.agent.dependencyManager.resolve(SdJwtVcRepository)
    for (const other of await api['credentials.list'](undefined)) {
      if (other.id !== held.id) await repository.deleteById(node.agent.context, other.id)
    }
    const waiting = [await ask(verifiers[0]), await ask(verifiers[1])]
    for (const { summary } of waiting) await api['openid4vc.approveRequest']({ id: summary.id })
    const sent = waiting.map(({ state }, index) => signatureSentTo(verifiers[index], state))
    expect(new Set(sent).size).toBe(2)
  })

  it('lets no policy answer with a used-up batch: the request waits with the warning, nothing is sent', async () => {
    const publisherKey = demoPrivateKey('openid4vc batch renewal publisher')
    const entries = [{ did: verifiers[2].did, name: 'Third Lender', roles: ['lender'], purposes: [] }]
    const issued = new Date().toISOString()
    const list = { type: 'CustosTrustList' as const, version: 1 as const, id: 'urn:example:renewal', name: 'Lenders' }
    const publisher = didKeyOfPrivateKey(publisherKey)
    const document = signTrustList({ ...list, publisher, issued, entries }, publisherKey)
    await api['trustLists.import']({ document: JSON.stringify(document) })
    await api['consent.createPolicy']({
      name: 'Lenders may see my town',
      who: { kind: 'role', role: 'lender' },
      what: [{ type: RESIDENCE_VCT, claims: ['locality'] }],
      why: ['dpv:CreditChecking'],
      when: {},
      action: 'share',
      beyond: 'ask',
    })
    // The credential of the test before went to the first two verifiers: the third's would be a reused one.
    verifiers[2].bodies.length = 0
    const { link } = verifiers[2].ask(query, [LENDER_TERMS])
    const summary = await api['openid4vc.resolveRequest']({ request: link })
    expect(summary.state).toBe('waiting')
    expect(summary.warnings.map((warning) => warning.kind)).toContain('used-up-batch-renewable')
    expect(verifiers[2].bodies).toHaveLength(0)
  })
})
