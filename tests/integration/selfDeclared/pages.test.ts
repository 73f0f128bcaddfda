import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CustosNode, createApi } from '../../../electron/node'
import type { SelfDeclaredItem, SelfDeclaredPage } from '../../../shared/api'
import { makeTmpDir } from '../../helpers/tmpDir'

// Self-declared items a page at a time in label order, searched in the app database (a real SQLite file).
describe('self-declared items by page and search', () => {
  const tmp = makeTmpDir()
  let node: CustosNode
  let dispatch: ReturnType<typeof createApi>['dispatch']
  const page = (input: unknown) => dispatch('selfDeclared.page', input) as Promise<SelfDeclaredPage>

  beforeAll(async () => {
    node = CustosNode.open({ dataDir: tmp.dir, kdf: 'argon2i-int' })
    dispatch = createApi(node).dispatch
    await dispatch('vault.create', { passphrase: 'long enough passphrase' })
    for (let n = 0; n < 127; n++) {
      await dispatch('selfDeclared.put', { label: `Item ${String(n).padStart(3, '0')}`, value: `value ${n}` })
    }
    // Labels a cursor or a LIKE pattern could trip on.
    for (const [label, value] of [
      ['100%_done', 'percent and underscore'],
      ['Email', 'Ada@Example.org'],
      ['Item 050', 'a second item with the same label'],
    ]) {
      await dispatch('selfDeclared.put', { label, value })
    }
  })
  afterAll(async () => {
    await node.close()
    tmp.cleanup()
  })

  it('pages through every item once, in the order the full list has them', async () => {
    const all = (await dispatch('selfDeclared.list', undefined)) as SelfDeclaredItem[]
    const seen: SelfDeclaredItem[] = []
    let after: string | undefined
    let pages = 0
    do {
      const next = await page({ limit: 50, after })
      seen.push(...next.items)
      after = next.next
      pages++
    } while (after)
    expect(pages).toBe(3)
    expect(seen.map((item) => item.id)).toHaveLength(130)
    expect(new Set(seen.map((item) => item.id)).size).toBe(130)
    expect(seen.map((item) => item.label)).toEqual(all.map((item) => item.label))
  })

  it('finds by label or value ignoring case, and takes % and _ as themselves', async () => {
    expect((await page({ query: 'ada@example' })).items.map((item) => item.label)).toEqual(['Email'])
    expect((await page({ query: '%_' })).items.map((item) => item.label)).toEqual(['100%_done'])
    expect((await page({ query: 'same label' })).items.map((item) => item.label)).toEqual(['Item 050'])
    expect((await page({ query: 'item 05', limit: 200 })).items).toHaveLength(11)
    expect((await page({ query: 'nothing like this' })).items).toEqual([])
  })

  it('refuses a cursor it did not give and a limit out of range, in words, changing nothing', async () => {
    await expect(page({ after: 'not json' })).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(page({ after: '[1,2]' })).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(page({ limit: 500 })).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(((await dispatch('selfDeclared.list', undefined)) as SelfDeclaredItem[]).length).toBe(130)
  })
})
