import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { makeTmpDir } from '../../helpers/tmpDir'
import { PASS, connect, logText, startNode } from '../../helpers/nodes'
import { SENTINEL, changedFiles, envelopeFor, foreignEnvelope, recordsOf, stillServes, storedBytes } from './fixtures'
import { badHttpRequest, badWsFrame, prng, type FuzzSeeds } from './fuzzCases'
import { rawRequest, wsSend } from './rawClient'

const HTTP_CASES = 1200
const WS_CASES = 150
const CONCURRENCY = 16
const LIMIT = 64 * 1024
const SEED = Number(process.env.CUSTOS_FUZZ_SEED ?? 20_261_123)

describe(`inbound transports: fuzzing with ${HTTP_CASES} HTTP and ${WS_CASES} WS bad payloads (seed ${SEED})`, () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  let bank: CustosNode
  let bankToNode: string
  let seeds: FuzzSeeds
  let bytesBefore: Map<string, Buffer>

  beforeAll(async () => {
    // Rate limiting is tested on its own; here every request should reach the checks behind it.
    node = await startNode(`${tmp.dir}/fuzzed`, {
      // Limits on rate and on sockets per address are tested apart; here every bad payload must reach the parser.
      inbound: {
        maxMessageBytes: LIMIT,
        rateLimit: { burst: 100_000, perSecond: 100_000 },
        maxSocketsPerAddress: 1_000,
        maxInFlightPerAddress: 1_000,
        maxInFlight: 1_000,
      },
    })
    bank = await startNode(`${tmp.dir}/bank`, { label: 'bank' })
    bankToNode = (await connect(node, bank)).inviteeConnection.id
    seeds = { valid: await envelopeFor(node, bank), foreign: await foreignEnvelope(bank), limit: LIMIT }
    await node.lock()
    bytesBefore = await storedBytes(node)
    await node.unlock(PASS)
  })
  afterAll(async () => {
    await node?.close()
    await bank?.close()
    tmp.cleanup()
  })

  it('answers every bad request with a 4xx, closes every bad socket with an error code, stays up, and stores nothing', async () => {
    const started = Date.now()
    const records = await recordsOf(node)
    const [http, ws] = node.endpoints ?? []
    const random = prng(SEED)

    const httpCases = Array.from({ length: HTTP_CASES }, () => badHttpRequest(random, seeds))
    const statuses = new Map<string, number>()
    const failures: string[] = []
    await inPool(httpCases, CONCURRENCY, async ({ family, request }, index) => {
      const response = await rawRequest(http, { ...request, timeoutMs: 10_000 })
      const key = `${response.status}`
      statuses.set(key, (statuses.get(key) ?? 0) + 1)
      if (response.status < 400 || response.status > 499)
        failures.push(`#${index} ${family}: ${response.status} ${response.error ?? ''}`)
    })

    const wsCases = Array.from({ length: WS_CASES }, () => badWsFrame(random, seeds))
    const closeCodes = new Map<string, number>()
    await inPool(wsCases, CONCURRENCY, async ({ family, frame }, index) => {
      const outcome = await wsSend(ws, [frame], 10_000)
      closeCodes.set(String(outcome.code), (closeCodes.get(String(outcome.code)) ?? 0) + 1)
      if (![1007, 1009].includes(outcome.code))
        failures.push(`ws #${index} ${family}: close ${outcome.code} ${outcome.reason}`)
    })

    const seconds = (Date.now() - started) / 1000
    console.info(
      `fuzz: ${HTTP_CASES} HTTP + ${WS_CASES} WS in ${seconds.toFixed(1)} s; HTTP statuses`,
      Object.fromEntries(statuses),
      'WS close codes',
      Object.fromEntries(closeCodes),
    )
    expect(failures).toEqual([])
    expect(seconds).toBeLessThan(60)

    await stillServes(bank, bankToNode, node)
    expect(await recordsOf(node)).toEqual(records)
    expect(logText(node)).not.toContain(SENTINEL)
    await node.lock()
    expect(changedFiles(bytesBefore, await storedBytes(node))).toEqual([])
  })
})

async function inPool<T>(items: T[], size: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      await run(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: size }, worker))
}
