import { OpenId4VcModule } from '@credo-ts/openid4vc'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AppDatabaseToken, openAppDatabase, type OpenedAppDatabase } from '../../../electron/node/db'
import { DisclosuresService } from '../../../electron/node/disclosures'
import { CustosOpenId4VcModule, OfferService, PresentationService } from '../../../electron/node/openid4vc'
import { MAX_PEER_RESPONSE_BYTES } from '../../../electron/node/openid4vc/boundedFetch'
import { TrustListsModule } from '../../../electron/node/trustLists'
import { makeTmpDir } from '../../helpers/tmpDir'
import { ASKED } from './lenderRequest'
import { accountQuery, offerFrom, plainAgent, serve, startIssuer, type Served } from './plainAgents'

const TOTAL = 64 * 1024 * 1024
const CHUNK = Buffer.alloc(64 * 1024, 'a')

function drainedOrClosed(res: express.Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

/** A server that sends `TOTAL` bytes without end in sight, or says it will; it counts what it got to write. */
function hugeServer() {
  const written: Record<string, number> = {}
  const app = express()
  const flood = async (name: string, res: express.Response, declare: boolean) => {
    written[name] = 0
    res.status(200).setHeader('content-type', 'application/json')
    if (declare) res.setHeader('content-length', String(TOTAL))
    let closed = false
    res.on('close', () => (closed = true))
    while (!closed && written[name] < TOTAL) {
      written[name] += CHUNK.length
      if (!res.write(CHUNK)) await drainedOrClosed(res)
    }
    res.end()
  }
  app.get('/offer', (_req, res) => void flood('offer', res, false))
  app.get('/request', (_req, res) => void flood('request', res, true))
  app.post('/answers', (_req, res) => void flood('answers', res, false))
  return { app, written }
}

/**
 * An issuer or verifier that answers with more than the node reads (an offer by reference, a request
 * object, the verifier's reply to an answer) gets a typed refusal in words; the node stops reading at the
 * limit (the server could not write its whole body) and stores nothing.
 */
describe('oversized answers from issuers and verifiers', () => {
  const tmp = makeTmpDir('custos-oid4vc-oversized-')
  const huge = hugeServer()
  let server: Served
  let issuer: Awaited<ReturnType<typeof startIssuer>>
  let appDb: OpenedAppDatabase
  let holder: Awaited<ReturnType<typeof startHolder>>
  const offers = new OfferService()
  const presentations = new PresentationService()

  const startHolder = () =>
    plainAgent(`${tmp.dir}/holder`, 'holder', {
      openid4vc: new OpenId4VcModule(),
      custosOpenId4Vc: new CustosOpenId4VcModule(),
      trustLists: new TrustListsModule(),
    })
  const history = () => holder.dependencyManager.resolve(DisclosuresService).list(holder.context)

  beforeAll(async () => {
    server = await serve(huge.app)
    issuer = await startIssuer(`${tmp.dir}/bank`)
    appDb = openAppDatabase(`${tmp.dir}/app/custos.db`, 'c9'.repeat(32))
    holder = await startHolder()
    holder.dependencyManager.registerInstance(AppDatabaseToken, appDb.db)
    holder.dependencyManager.registerSingleton(DisclosuresService)
    await offers.accept(holder.context, (await offerFrom(issuer, false)).credentialOffer)
  })

  afterAll(async () => {
    await holder?.shutdown()
    appDb?.close()
    await issuer?.close()
    await server?.close()
    tmp.cleanup()
  })

  it('refuses an offer by reference that does not end, having read only part of it', async () => {
    const link = `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(`${server.baseUrl}/offer`)}`
    await expect(offers.resolve(holder.context, link)).rejects.toMatchObject({
      code: 'PeerResponseTooLarge',
      message: expect.stringContaining('stopped reading'),
    })
    expect(huge.written.offer).toBeLessThan(TOTAL)
    expect(await holder.sdJwtVc.getAll()).toHaveLength(1)
  })

  it('bounds only OpenID4VC exchanges: outside one the agent fetches as before (DIDComm, …)', async () => {
    const response = await holder.config.agentDependencies.fetch(`${server.baseUrl}/offer`)
    const reader = response.body!.getReader()
    let read = 0
    while (read <= 2 * MAX_PEER_RESPONSE_BYTES) {
      const { value, done } = await reader.read()
      if (done) break
      read += value.byteLength
    }
    await reader.cancel()
    expect(read).toBeGreaterThan(2 * MAX_PEER_RESPONSE_BYTES)
  })

  it('refuses a request object that says it is larger than the limit', async () => {
    const request = `openid4vp://?client_id=${encodeURIComponent('decentralized_identifier:did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')}&request_uri=${encodeURIComponent(`${server.baseUrl}/request`)}`
    await expect(presentations.resolve(holder.context, request)).rejects.toMatchObject({
      code: 'PeerResponseTooLarge',
    })
    expect(huge.written.request).toBeLessThan(TOTAL)
    expect(history()).toHaveLength(0)
  })

  it("reads the verifier's reply to an answer only up to the limit; the answer left and the history says so", async () => {
    const responseUri = `${server.baseUrl}/answers`
    const params = new URLSearchParams({
      client_id: `redirect_uri:${responseUri}`,
      response_type: 'vp_token',
      response_mode: 'direct_post',
      response_uri: responseUri,
      nonce: 'oversized-reply-nonce-0001',
      state: 'oversized-reply',
      dcql_query: JSON.stringify(accountQuery(ASKED)),
    })
    const summary = await presentations.resolve(holder.context, `openid4vp://?${params}`)
    expect(summary.verifier).toMatchObject({ proved: false })
    // Credo reads the reply only for an optional redirect address, and takes an unreadable one as empty.
    expect(await presentations.approve(holder.context, summary.id)).toMatchObject({ state: 'answered' })
    expect(huge.written.answers).toBeLessThan(TOTAL)
    expect(history()).toEqual([expect.objectContaining({ requestId: summary.id })])
  })
})
