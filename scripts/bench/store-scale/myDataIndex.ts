// My data at 100,000 held credentials (issue 26): the screen reads pages of the node's index and searches
// it in the app database, so this fills the index itself (100,000 credential summaries shaped like the
// bench's seeded ones) and reads it through the API: the first page, paging on, a search for a common
// word, one for a word nobody holds, and two letters nobody holds (the walk through every row). Seeding 100,000 credentials into Askar as well would take most of an
// hour here and changes nothing these reads touch (scale.ts measures them at 10,000 with real records).
// `node --expose-gc --import tsx scripts/bench/store-scale/myDataIndex.ts [--quick]`
import 'reflect-metadata'

// Before anything imports Credo (see electron/node/askar/register.ts).
import '../../../electron/node/askar/register'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { HeldIndexService } from '../../../electron/node/credentials/heldIndex'
import { samplePerson } from '../../companies'
import type { HeldCredential } from '../../../shared/api'
import { apiOf, startNode } from '../../../tests/helpers/nodes'
import { quick } from '../results'
import { measure } from './measure'

const SIZE = quick ? 20_000 : 100_000
const RUNS = quick ? 20 : 100

function summary(n: number): HeldCredential {
  const person = samplePerson(n)
  const day = new Date(Date.UTC(2000, 0, 1) + n * 3_600_000).toISOString()
  return {
    id: `bench-${String(n).padStart(6, '0')}`,
    types: ['VerifiableCredential', n % 3 === 0 ? 'IncomeCredential' : 'IdentityCredential'],
    claims: { name: person.name, dateOfBirth: person.dateOfBirth, address: person.address },
    provenance: {
      issuer: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      issuedAt: day,
      signature: { result: 'valid', checkedAt: day },
      format: 'ldp_vc',
    },
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-mydata-'))
const node = await startNode(path.join(dir, 'node'), { label: 'Alice' })
try {
  const index = node.agent.dependencyManager.resolve(HeldIndexService)
  const t = performance.now()
  for (let from = 0; from < SIZE; from += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, SIZE - from) }, (_, i) => summary(from + i))
    index.putAll(node.agent.context, batch)
  }
  console.log(`indexed ${SIZE} credentials in ${Math.round(performance.now() - t)} ms`)
  const api = apiOf(node)
  await measure(`myData.index.firstPage.${SIZE}`, RUNS, () => api['credentials.page']({ limit: 50 }), 5)
  let next: string | undefined
  await measure(
    `myData.index.pageOn.${SIZE}`,
    RUNS,
    async () => {
      next = (await api['credentials.page']({ limit: 50, before: next })).next
    },
    5,
  )
  const city = samplePerson(7).address.city.slice(1, 5)
  await measure(
    `myData.index.search.${SIZE}`,
    RUNS,
    async () => {
      if ((await api['credentials.page']({ limit: 50, query: city })).items.length === 0) throw new Error('none')
    },
    5,
  )
  // A word no credential holds: the word index answers alone.
  await measure(`myData.index.searchRare.${SIZE}`, RUNS, () => api['credentials.page']({ limit: 50, query: 'zqx' }), 5)
  // The worst case: two letters no credential holds, so the walk by date reads every row's words.
  await measure(`myData.index.searchTwoLetters.${SIZE}`, quick ? 5 : 20, () =>
    api['credentials.page']({ limit: 50, query: 'zq' }),
  )
} finally {
  await node.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
