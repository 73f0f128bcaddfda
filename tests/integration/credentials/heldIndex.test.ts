import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CustosNode } from '../../../electron/node'
import { heldText } from '../../../electron/node/credentials/heldIndex/heldText'
import { appDatabaseOf } from '../../../electron/node/db'
import { samplePerson } from '../../../scripts/companies'
import { seedCredentials } from '../../../scripts/bench/store-scale/seedCredentials'
import { startHolderBesideCompanies, type HolderBesideCompanies } from '../../helpers/consent'
import { apiOf, PASS } from '../../helpers/nodes'

// My data a page at a time from the node's index (credentials/heldIndex), searched in the database. Two
// credentials come over DIDComm from plain Credo issuers; 120 more are written straight into Credo's
// repository (as the bench seeds them), so the index must follow Credo's own record events.
describe('My data pages and search from the index', () => {
  let holder: HolderBesideCompanies
  let node: CustosNode
  const person = samplePerson(3)

  beforeAll(async () => {
    holder = await startHolderBesideCompanies(person)
    node = holder.node
    await seedCredentials(node.agent.context, 1_000, 1_120)
  }, 120_000)
  afterAll(() => holder?.stop())

  async function everyPage(query?: string) {
    const api = apiOf(node)
    const seen: string[] = []
    let before: string | undefined
    let pages = 0
    do {
      const page = await api['credentials.page']({ limit: 50, before, query })
      seen.push(...page.items.map((item) => item.id))
      before = page.next
      pages++
    } while (before)
    return { seen, pages }
  }

  it('pages through every held credential once, newest first, as the full list has them', async () => {
    const api = apiOf(node)
    const all = await api['credentials.list'](undefined)
    expect(all).toHaveLength(122)
    const { seen, pages } = await everyPage()
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(122)
    const newestFirst = [...all]
      .sort((a, b) => b.provenance.issuedAt.localeCompare(a.provenance.issuedAt) || b.id.localeCompare(a.id))
      .map((item) => item.id)
    expect(seen).toEqual(newestFirst)
    const [first] = (await api['credentials.page']({ limit: 1 })).items
    expect(first).toEqual(all.find((item) => item.id === first.id))
  })

  it('finds by any part of a claim value, a type or an issuer, ignoring case; short queries too', async () => {
    const api = apiOf(node)
    const city = person.address.city
    const found = await everyPage(city.slice(1, 6).toUpperCase())
    const expected = (await api['credentials.list'](undefined)).filter((item) =>
      JSON.stringify(item.claims).toLowerCase().includes(city.slice(1, 6).toLowerCase()),
    )
    expect(found.seen.sort()).toEqual(expected.map((item) => item.id).sort())
    expect(found.seen.length).toBeGreaterThan(0)
    const income = await api['credentials.page']({ limit: 200, query: 'incomecred' })
    expect(income.items.map((item) => item.types.at(-1))).toEqual(['IncomeCredential'])
    expect((await api['credentials.page']({ limit: 200, query: '§§' })).items).toEqual([])
    // Two letters are a scan, not the trigram index, and find the same way (here dates in the first months).
    const month = (await api['credentials.page']({ limit: 200, query: '-0' })).items.map((item) => item.id)
    const withMonth = (await api['credentials.list'](undefined)).filter((item) => heldText(item).includes('-0'))
    expect(month.sort()).toEqual(withMonth.map((item) => item.id).sort())
    expect(month.length).toBeGreaterThan(10)
    expect((await api['credentials.page']({ limit: 200, query: 'no such words anywhere' })).items).toEqual([])
  })

  it('follows an update (a signature checked again), and rebuilds itself when it was lost', async () => {
    const api = apiOf(node)
    const [identity] = (await api['credentials.page']({ limit: 10, query: 'identitycredential' })).items.filter(
      (item) => item.provenance.issuer !== 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
    )
    const checked = await api['credentials.verify']({ id: identity.id })
    const again = (await api['credentials.page']({ limit: 200, query: 'identitycredential' })).items
    expect(again.find((item) => item.id === identity.id)?.provenance.signature).toEqual(checked.provenance.signature)

    // Lost (as if the app database were restored from before the index): built again on the next unlock.
    appDatabaseOf(node.agent.context).$client.exec('DELETE FROM held_credentials; DELETE FROM held_credentials_text')
    expect((await api['credentials.page']({ limit: 10 })).items).toEqual([])
    await node.lock()
    await node.unlock(PASS)
    expect((await everyPage()).seen).toHaveLength(122)
  })

  it('refuses a page cursor it did not give, and a limit out of range, in words', async () => {
    const api = apiOf(node)
    await expect(api['credentials.page']({ limit: 10, before: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'InvalidInput',
    })
    await expect(api['credentials.page']({ limit: 0 })).rejects.toMatchObject({ code: 'InvalidInput' })
  })
})
