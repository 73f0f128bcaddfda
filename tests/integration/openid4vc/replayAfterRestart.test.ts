import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { appDatabaseOf } from '../../../electron/node/db'
import { markAnswered, wasAnswered } from '../../../electron/node/openid4vc/answeredNonces'
import { answeredNonces } from '../../../electron/node/openid4vc/answeredNoncesTable'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { lenderRequest } from './lenderRequest'
import { offerFrom, startIssuer, startVerifier } from './plainAgents'

/**
 * The nonces the node answered are kept in its app database for a day: a request captured and replayed
 * after the node restarted on the same store is refused in words, nothing is sent and nothing recorded.
 * Whole node, plain Credo 0.6.3 verifier over HTTP on 127.0.0.1.
 */
describe('replay memory that survives a restart', () => {
  const tmp = makeTmpDir('custos-oid4vp-replay-')
  const wire: Record<string, unknown>[] = []
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let lender: Awaited<ReturnType<typeof startVerifier>>
  let node: CustosNode

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    lender = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    node = await startNode(`${tmp.dir}/node`)
    await apiOf(node)['openid4vc.acceptOffer']({ offer: (await offerFrom(issuer, false)).credentialOffer })
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await lender?.close()
    tmp.cleanup()
  })

  it('refuses a replayed request after a restart, sending and recording nothing', async () => {
    const { authorizationRequest, verificationSession } = await lenderRequest(lender)
    // The signed request object as someone who captured it would pass it on: by value.
    const link = new URL(authorizationRequest)
    const jwt = await (await fetch(link.searchParams.get('request_uri')!)).text()
    const byValue = `openid4vp://?client_id=${encodeURIComponent(link.searchParams.get('client_id')!)}&request=${jwt}`

    const summary = await apiOf(node)['openid4vc.resolveRequest']({ request: byValue })
    await apiOf(node)['openid4vc.approveRequest']({ id: summary.id })
    const session = await lender.agent.openid4vc.verifier.getVerificationSessionById(verificationSession.id)
    expect(session.state).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const rows = appDatabaseOf(node.agent.context).select().from(answeredNonces).all()
    expect(rows).toHaveLength(1)
    // Only a hash of the nonce is kept.
    expect(rows[0].nonceHash).not.toBe(session.requestPayload.nonce)

    await node.close()
    node = await startNode(`${tmp.dir}/node`)
    const api = apiOf(node)
    wire.length = 0
    await expect(api['openid4vc.resolveRequest']({ request: byValue })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('answered already'),
    })
    expect(wire).toHaveLength(0)
    expect(await api['disclosures.list']()).toHaveLength(1)
  })

  it('forgets a nonce after a day, pruning it when the next one is kept', () => {
    const context = node.agent.context
    const dayAndAMinute = 24 * 60 * 60_000 + 60_000
    markAnswered(context, 'decentralized_identifier:did:key:old', 'old nonce', Date.now() - dayAndAMinute)
    expect(wasAnswered(context, 'decentralized_identifier:did:key:old', 'old nonce')).toBe(false)
    markAnswered(context, 'decentralized_identifier:did:key:new', 'new nonce')
    expect(wasAnswered(context, 'decentralized_identifier:did:key:new', 'new nonce')).toBe(true)
    const clients = appDatabaseOf(context)
      .select()
      .from(answeredNonces)
      .all()
      .map((row) => row.clientId)
    expect(clients).not.toContain('decentralized_identifier:did:key:old')
    expect(clients).toContain('decentralized_identifier:did:key:new')
  })
})
