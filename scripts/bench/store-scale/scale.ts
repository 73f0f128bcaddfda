// Figures, not a test (issue 15, items 5 and 6): how the node's everyday reads grow with its store. At
// 1,000, 10,000 and 100,000 history entries (disclosures and the evaluations that decided them), with
// held credentials and their documents growing alongside up to 10,000 (the size the issue sets), and 500
// policies: open the store, list and search My data, pages of the history and the whole history, and a
// request evaluated against the 500 policies. Then the node's resident memory. Data is seeded straight
// through Credo's repositories and the app database (see seed*.ts); the node is a real one on a real
// Askar store. `node --expose-gc --import tsx scripts/bench/store-scale/scale.ts [--quick]`
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../../electron/node/askar/register'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { dpvPurposes, evaluate } from '../../../electron/node/consent'
import { withUse } from '../../../electron/node/consent/takeDecision'
import { appDatabaseOf } from '../../../electron/node/db'
import { startCredoAgent, stopCredoAgent } from '../../../tests/helpers/credoAgent'
import { eventually } from '../../../tests/helpers/companies'
import { freePort } from '../../../tests/helpers/freePort'
import { apiOf, PASS, startNode } from '../../../tests/helpers/nodes'
import { quick, record } from '../results'
import { measure, mib } from './measure'
import { seedCredentials } from './seedCredentials'
import { seedHistory, seedPolicies } from './seedHistory'

const STEPS = [1_000, 10_000, 100_000]
// 10,000 by default (the size issue 15 set); CUSTOS_BENCH_MAX_CREDENTIALS=100000 seeds as many as history.
const MAX_CREDENTIALS = Number(process.env.CUSTOS_BENCH_MAX_CREDENTIALS ?? 10_000)
// Reads of a few milliseconds: enough runs that p95 is not just the slowest one, after five to warm up.
const RUNS = quick ? 20 : 100
const WARM = 5

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-scale-'))
const node = await startNode(path.join(dir, 'node'), { label: 'Alice', inbound: { port: await freePort() } })
// One real connection: evaluation looks up the keys of the requester's connection.
const requester = await startCredoAgent({ dir: path.join(dir, 'requester'), label: 'Lender', inbound: ['http'] })
try {
  const api = apiOf(node)
  const invitation = await api['connections.createInvitation']({})
  await requester.didcomm.oob.receiveInvitationFromUrl(invitation.url, { label: 'requester' })
  const connectionId = await eventually(async () => {
    const [connection] = await node.agent.didcomm.connections.findAllByOutOfBandId(invitation.id)
    return connection?.isReady ? connection.id : undefined
  })
  const policyIds = seedPolicies(node.agent.context, connectionId)
  const sample = {
    connectionId,
    purposes: ['dpv:CreditChecking'],
    retention: 'P7Y',
    items: [{ types: ['IdentityCredential'], claims: ['name', 'address'] }],
  }
  let history = 0
  let credentials = 0
  for (const size of STEPS) {
    const t = performance.now()
    seedHistory(node.agent.context, policyIds, history, size)
    const wanted = Math.min(size, MAX_CREDENTIALS)
    await seedCredentials(node.agent.context, credentials, wanted)
    console.log(`seeded ${size} history entries, ${wanted} credentials in ${Math.round(performance.now() - t)} ms`)
    ;[history, credentials] = [size, wanted]

    await measure(`scale.open.${size}`, quick ? 2 : 5, async () => {
      await node.lock()
      await node.unlock(PASS)
    })
    await measure(`scale.myData.list.${size}`, quick ? 3 : 5, async () => {
      await api['credentials.list'](undefined)
      await api['selfDeclared.list'](undefined)
    })
    // My data has no search call: the screen filters the list it has, so a search costs a list and a scan.
    await measure(`scale.myData.search.${size}`, quick ? 3 : 5, async () => {
      const found = (await api['credentials.list'](undefined)).filter((c) => JSON.stringify(c.claims).includes('-07'))
      if (found.length === 0) throw new Error('the search found nothing')
    })
    // My data as the screen reads it now: a page of the index, and a search in the database.
    let next: string | undefined
    await measure(
      `scale.myData.page.${size}`,
      RUNS,
      async () => {
        next = (await api['credentials.page']({ limit: 50, before: next })).next
      },
      WARM,
    )
    await measure(
      `scale.myData.pageSearch.${size}`,
      RUNS,
      async () => {
        const found = await api['credentials.page']({ limit: 50, query: '-07' })
        if (found.items.length === 0) throw new Error('the search found nothing')
      },
      WARM,
    )
    // Paging on from the newest, as the History screen scrolls; back to the first page at the end.
    let before: string | undefined
    await measure(
      `scale.history.page.${size}`,
      RUNS,
      async () => {
        const page = await api['disclosures.page']({ limit: 50, before })
        before = page.next
      },
      WARM,
    )
    // The whole history at once (disclosures.list, what receipts export reads); slow at 100,000, so fewer runs.
    await measure(`scale.history.all.${size}`, quick || size > 10_000 ? 1 : 3, () => api['disclosures.list'](undefined))
    // The decision itself, as takeDecision makes it: each policy's frequency count, then every clause.
    await measure(
      `scale.policy.evaluate.${size}`,
      RUNS,
      () => {
        const at = new Date().toISOString()
        const facts = {
          ...sample,
          roles: [],
          items: [{ ...sample.items[0], descriptorId: 'identity', held: true }],
          at,
        }
        return evaluate(facts, withUse(appDatabaseOf(node.agent.context), at), dpvPurposes())
      },
      WARM,
    )
    // The same through the API ("Try it"), with the requester's keys read from Askar to match roles.
    await measure(`scale.policy.tryIt.${size}`, RUNS, () => api['consent.tryIt'](sample), WARM)
  }
  ;(globalThis as { gc?: () => void }).gc?.()
  const rss = mib(process.memoryUsage().rss)
  record({ name: 'memory.rss.afterScale', unit: 'MiB', median: rss, p95: rss, runs: 1 })
} finally {
  await stopCredoAgent(requester)
  await node.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
