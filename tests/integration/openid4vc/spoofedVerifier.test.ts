import { OpenId4VcVerificationSessionState } from '@credo-ts/openid4vc'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { apiOf, startNode } from '../../helpers/nodes'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ASKED, LENDER_TERMS, lenderPolicy, listAsLender } from './lenderRequest'
import {
  ACCOUNT_CLAIMS,
  accountQuery,
  offerFrom,
  startCertifiedVerifier,
  startIssuer,
  startVerifier,
} from './plainAgents'
import { readableWire } from './wire'

type Verifier = Awaited<ReturnType<typeof startVerifier>>

/**
 * Who asks is what the request proves, never the name it gives itself. Against plain Credo 0.6.3
 * verifiers over HTTP on 127.0.0.1: a verifier with the trusted lender's display name but another key gets
 * no answer from the standing policy that answers the lender; a request whose nonce was answered is
 * refused when it comes again; a request served from another host than its client id names is not fetched.
 */
describe('a spoofed verifier gets nothing automatically; replays and foreign request hosts are refused', () => {
  const tmp = makeTmpDir('custos-oid4vc-spoof-')
  const wire: Record<string, unknown>[] = []
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let lender: Verifier
  let spoof: Verifier
  let node: CustosNode
  let api: ReturnType<typeof apiOf>

  beforeAll(async () => {
    issuer = await startIssuer(`${tmp.dir}/bank`)
    lender = await startVerifier(`${tmp.dir}/lender`, (body) => wire.push(body))
    // Same code, same display name ('Example Lender'), its own store and so its own did:key.
    spoof = await startVerifier(`${tmp.dir}/spoof`, (body) => wire.push(body))
    node = await startNode(`${tmp.dir}/node`)
    api = apiOf(node)
    await api['openid4vc.acceptOffer']({ offer: (await offerFrom(issuer, false)).credentialOffer })
    await listAsLender(api, lender.didKey.did)
    await lenderPolicy(api)
  })

  afterAll(async () => {
    await node?.close()
    await issuer?.close()
    await lender?.close()
    await spoof?.close()
    tmp.cleanup()
  })

  const ask = (verifier: Verifier) =>
    verifier.agent.openid4vc.verifier.createAuthorizationRequest({
      verifierId: verifier.verifier.verifierId,
      requestSigner: { method: 'did', didUrl: verifier.didKey.kid },
      dcql: { query: accountQuery(ASKED) },
      verifierInfo: [LENDER_TERMS],
      responseMode: 'direct_post',
      version: 'v1',
    })

  const stateOf = async (verifier: Verifier, sessionId: string) =>
    (await verifier.agent.openid4vc.verifier.getVerificationSessionById(sessionId)).state

  it('answers the trusted lender by policy, and not a verifier that only has its name', async () => {
    const trusted = await ask(lender)
    const answered = await api['openid4vc.resolveRequest']({ request: trusted.authorizationRequest })
    expect(answered).toMatchObject({ state: 'answered', verifier: { statedName: 'Example Lender' } })

    wire.length = 0
    const spoofed = await ask(spoof)
    const waiting = await api['openid4vc.resolveRequest']({ request: spoofed.authorizationRequest })
    expect(waiting).toMatchObject({
      state: 'waiting',
      verifier: { statedName: 'Example Lender', proved: true, roles: [], vouchedBy: [] },
    })
    expect(waiting.verifier.clientId).toContain(spoof.didKey.did)
    expect(waiting.verifier.clientId).not.toContain(lender.didKey.did)
    expect(waiting.evaluation?.outcome).not.toBe('share')
    expect(wire).toHaveLength(0)
    expect(await stateOf(spoof, spoofed.verificationSession.id)).not.toBe(
      OpenId4VcVerificationSessionState.ResponseVerified,
    )
    await api['openid4vc.declineRequest']({ id: waiting.id })
  })

  it('refuses a request whose nonce it answered already, in words, and sends nothing again', async () => {
    const { authorizationRequest, verificationSession } = await ask(lender)
    // The signed request object itself, as someone who captured it would pass it on: by value.
    const link = new URL(authorizationRequest)
    const requestUri = link.searchParams.get('request_uri')!
    const jwt = await (await fetch(requestUri)).text()
    const byValue = `openid4vp://?client_id=${encodeURIComponent(link.searchParams.get('client_id')!)}&request=${jwt}`

    const first = await api['openid4vc.resolveRequest']({ request: byValue })
    expect(first.state).toBe('answered')
    expect(await stateOf(lender, verificationSession.id)).toBe(OpenId4VcVerificationSessionState.ResponseVerified)
    const history = (await api['disclosures.list'](undefined)).length
    wire.length = 0
    await expect(api['openid4vc.resolveRequest']({ request: byValue })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('answered already'),
    })
    expect(wire).toHaveLength(0)
    expect(await api['disclosures.list'](undefined)).toHaveLength(history)
    expect(readableWire(wire)).not.toContain(ACCOUNT_CLAIMS.family_name)
  })

  it('does not fetch a request from another host than its client id names', async () => {
    const certified = await startCertifiedVerifier(`${tmp.dir}/certified`)
    try {
      const { authorizationRequest, verificationSession } =
        await certified.agent.openid4vc.verifier.createAuthorizationRequest({
          verifierId: certified.verifier.verifierId,
          requestSigner: { method: 'x5c', x5c: [certified.certificate] },
          dcql: { query: accountQuery(ASKED) },
          responseMode: 'direct_post',
          version: 'v1',
        })
      const link = new URL(authorizationRequest)
      expect(link.searchParams.get('client_id')).toBe('x509_san_dns:localhost')
      // The same server under another name: the address is not the host the certificate names.
      link.searchParams.set('request_uri', link.searchParams.get('request_uri')!.replace('localhost', '127.0.0.1'))
      await expect(api['openid4vc.resolveRequest']({ request: link.toString() })).rejects.toMatchObject({
        code: 'InvalidInput',
        message: expect.stringContaining('not from localhost'),
      })
      expect(await stateOf(certified as unknown as Verifier, verificationSession.id)).toBe(
        OpenId4VcVerificationSessionState.RequestCreated,
      )
      const redirect = `openid4vp://?client_id=${encodeURIComponent('redirect_uri:https://lender.example/answers')}&request_uri=${encodeURIComponent('https://elsewhere.example/request/1')}`
      await expect(api['openid4vc.resolveRequest']({ request: redirect })).rejects.toMatchObject({
        code: 'InvalidInput',
        message: expect.stringContaining('not from lender.example'),
      })
    } finally {
      await certified.close()
    }
  })
})
