import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { makeTmpDir } from '../../helpers/tmpDir'
import { PASS, apiOf, connect, logText, startNode } from '../../helpers/nodes'
import {
  SENTINEL,
  changedFiles,
  countLines,
  envelopeFor,
  foreignEnvelope,
  recordsOf,
  stillServes,
  storedBytes,
} from './fixtures'
import { DIDCOMM, postEnvelope, rawRequest, wsSend, type RawRequest } from './rawClient'

const LIMIT = 64 * 1024

describe('inbound transports: bad input gets the right status or close code and changes nothing', () => {
  const tmp = makeTmpDir()
  let alice: CustosNode
  let bank: CustosNode
  let bankToAlice: string
  let http: string
  let ws: string
  let bytesBefore: Map<string, Buffer>
  let valid: string
  let foreign: string

  beforeAll(async () => {
    alice = await startNode(`${tmp.dir}/alice`, {
      label: 'alice',
      inbound: { maxMessageBytes: LIMIT, rateLimit: { burst: 1000, perSecond: 1000 } },
    })
    bank = await startNode(`${tmp.dir}/bank`, { label: 'bank' })
    bankToAlice = (await connect(alice, bank)).inviteeConnection.id
    ;[http, ws] = alice.endpoints ?? []
    valid = await envelopeFor(alice, bank)
    foreign = await foreignEnvelope(bank)
    // The baseline is taken with the store locked, as the comparison at the end is.
    await alice.lock()
    bytesBefore = await storedBytes(alice)
    await alice.unlock(PASS)
  })
  afterAll(async () => {
    await alice?.close()
    await bank?.close()
    tmp.cleanup()
  })

  const jwe = () => JSON.parse(valid) as Record<string, string>
  const httpCases: Array<[string, number, () => RawRequest]> = [
    ['malformed JSON', 400, () => ({ headers: DIDCOMM, body: `{"protected": "${SENTINEL}` })],
    ['a JSON array', 400, () => ({ headers: DIDCOMM, body: '[1,2,3]' })],
    [
      'a plaintext DIDComm message',
      400,
      () => ({ headers: DIDCOMM, body: JSON.stringify({ '@type': 'x', SENTINEL }) }),
    ],
    ['a truncated JWE', 400, () => ({ headers: DIDCOMM, body: valid.slice(0, valid.length / 2) })],
    [
      'a JWE with its protected header cut',
      400,
      () => ({ headers: DIDCOMM, body: JSON.stringify({ ...jwe(), protected: jwe().protected.slice(0, 20) }) }),
    ],
    ['a JWE with a short tag', 400, () => ({ headers: DIDCOMM, body: JSON.stringify({ ...jwe(), tag: 'AAAA' }) })],
    ['a packed message not for this node', 422, () => ({ headers: DIDCOMM, body: foreign })],
    [
      'a JWE for this node with a flipped ciphertext',
      422,
      () => ({ headers: DIDCOMM, body: JSON.stringify({ ...jwe(), ciphertext: flip(jwe().ciphertext) }) }),
    ],
    ['a valid envelope whose message is invalid', 422, () => ({ headers: DIDCOMM, body: valid })],
    ['a wrong content type', 415, () => ({ headers: { 'Content-Type': 'text/plain' }, body: valid })],
    ['no content type', 415, () => ({ body: valid })],
    ['a body over the limit', 413, () => ({ headers: DIDCOMM, body: Buffer.alloc(LIMIT + 1, 'a') })],
    [
      'a chunked body over the limit',
      413,
      () => ({ headers: { ...DIDCOMM, 'Transfer-Encoding': 'chunked' }, body: Buffer.alloc(3 * LIMIT, 'b') }),
    ],
    [
      'a declared length far over the limit',
      413,
      () => ({ headers: { ...DIDCOMM, 'Content-Length': 10 * 1024 * 1024 * 1024 }, body: 'x' }),
    ],
    ['a GET', 405, () => ({ method: 'GET' })],
    ['another path', 404, () => ({ path: '/admin', headers: DIDCOMM, body: valid })],
    ['huge headers', 431, () => ({ headers: { ...DIDCOMM, 'X-Big': 'h'.repeat(64 * 1024) }, body: valid })],
  ]

  it.each(httpCases)('HTTP: %s → %i', async (_, status, build) => {
    const records = await recordsOf(alice)
    const logBefore = logText(alice)
    const response = await rawRequest(http, build())
    expect(response.error).toBeUndefined()
    expect(response.status).toBe(status)
    const log = logText(alice).slice(logBefore.length)
    expect(countLines(log, `inbound http ${status} from 127.0.0.1`)).toBe(1)
    expect(log).not.toContain(SENTINEL)
    expect(await recordsOf(alice)).toEqual(records)
    await stillServes(bank, bankToAlice, alice)
  })

  const wsCases: Array<[string, number, () => Array<string | Buffer>]> = [
    ['malformed JSON', 1007, () => [`{"${SENTINEL}`]],
    ['a truncated JWE', 1007, () => [valid.slice(0, 200)]],
    ['a packed message not for this node', 1007, () => [foreign]],
    ['a message over the limit', 1009, () => [Buffer.alloc(LIMIT + 1, 'a')]],
    ['invalid UTF-8 in a text frame', 1007, () => [Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('latin1')]],
  ]

  it.each(wsCases)('WS: %s → close %i', async (_, code, frames) => {
    const records = await recordsOf(alice)
    const logBefore = logText(alice)
    const outcome = await wsSend(ws, frames())
    expect(outcome.code).toBe(code)
    const log = logText(alice).slice(logBefore.length)
    expect(countLines(log, `inbound ws ${code} from 127.0.0.1`)).toBe(1)
    expect(log).not.toContain(SENTINEL)
    expect(await recordsOf(alice)).toEqual(records)
    await stillServes(bank, bankToAlice, alice)
    expect((await postEnvelope(http, '{')).status).toBe(400)
  })

  it('leaves the store and the app database byte-for-byte unchanged', async () => {
    await alice.lock()
    expect(changedFiles(bytesBefore, await storedBytes(alice))).toEqual([])
    await alice.unlock(PASS)
    expect(await apiOf(alice)['connections.list'](undefined)).toHaveLength(1)
  })
})

function flip(base64: string): string {
  const middle = Math.floor(base64.length / 2)
  const replacement = base64[middle] === 'A' ? 'B' : 'A'
  return base64.slice(0, middle) + replacement + base64.slice(middle + 1)
}
