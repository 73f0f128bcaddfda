import { type Askar, StoreHandle } from '@openwallet-foundation/askar-shared'

import { type Scenario, attempt, bytes, readAll, readEntries } from './harness'
import { FILTERS, FRUIT, insert, provision } from './scenarios-store'

export const entryScenarios: Record<string, Scenario> = {
  'insert, fetch, update, remove': async (askar, dir) => {
    const store = await provision(askar, dir)
    const s = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    const t: Record<string, unknown> = {}
    for (const [name, tags] of FRUIT) await insert(askar, s, name, `value of ${name}`, tags)
    const fetch = async (name: string) =>
      readEntries(askar, await askar.sessionFetch({ sessionHandle: s, category: 'doc', name, forUpdate: false }))
    t.apple = await fetch('apple')
    t.plain = await fetch('plain')
    t.missing = await fetch('nope')
    t.otherCategory = readEntries(
      askar,
      await askar.sessionFetch({ sessionHandle: s, category: 'other', name: 'apple', forUpdate: true }),
    )
    t.duplicate = await attempt(() => insert(askar, s, 'apple', 'again'))
    await askar.sessionUpdate({
      sessionHandle: s,
      operation: 1,
      category: 'doc',
      name: 'apple',
      value: bytes('green now'),
      tags: { color: 'green', '~size': '4' },
    })
    t.replaced = await fetch('apple')
    t.replaceMissing = await attempt(() =>
      askar.sessionUpdate({ sessionHandle: s, operation: 1, category: 'doc', name: 'nope', value: bytes('x') }),
    )
    await askar.sessionUpdate({ sessionHandle: s, operation: 2, category: 'doc', name: 'plain' })
    t.removed = await fetch('plain')
    t.removeMissing = await attempt(() =>
      askar.sessionUpdate({ sessionHandle: s, operation: 2, category: 'doc', name: 'plain' }),
    )
    // An invalid operation fails before the call starts; the reference never settles then (see koffi-only.test.ts).
    t.emptyValue = await attempt(async () => {
      await askar.sessionUpdate({
        sessionHandle: s,
        operation: 0,
        category: 'doc',
        name: 'empty',
        value: new Uint8Array(0),
      })
      return fetch('empty')
    })
    t.unicode = await attempt(async () => {
      await insert(askar, s, 'naïve ☕', 'välue ✓', { tág: 'ünïcode' })
      return fetch('naïve ☕')
    })
    await askar.sessionUpdate({
      sessionHandle: s,
      operation: 0,
      category: 'doc',
      name: 'expiring',
      value: bytes('soon'),
      expiryMs: 1,
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    t.expired = await fetch('expiring')
    await askar.sessionClose({ sessionHandle: s, commit: true })
    t.closedSession = await attempt(() => askar.sessionCount({ sessionHandle: s, category: 'doc' }))
    await askar.storeClose({ storeHandle: store })
    return t
  },

  'fetchAll, count and removeAll with tag filters': async (askar, dir) => {
    const store = await provision(askar, dir)
    const s = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    for (const [name, tags] of FRUIT) await insert(askar, s, name, `value of ${name}`, tags)
    const names = (rows: ReturnType<typeof readAll>) => (rows ?? []).map((row) => row.name)
    const t: Record<string, unknown> = {}
    for (const [label, tagFilter] of Object.entries(FILTERS)) {
      const rows = readAll(
        askar,
        await askar.sessionFetchAll({ sessionHandle: s, category: 'doc', tagFilter, forUpdate: false }),
      )
      t[label] = {
        names: names(rows).sort(),
        count: await askar.sessionCount({ sessionHandle: s, category: 'doc', tagFilter }),
      }
    }
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
    t.all = readAll(askar, await askar.sessionFetchAll({ sessionHandle: s, category: 'doc', forUpdate: false }))?.sort(
      byName,
    )
    t.noCategory = names(readAll(askar, await askar.sessionFetchAll({ sessionHandle: s, forUpdate: false }))).sort()
    t.limit = names(
      readAll(
        askar,
        await askar.sessionFetchAll({ sessionHandle: s, category: 'doc', limit: 2, orderBy: 'id', forUpdate: false }),
      ),
    )
    t.descending = names(
      readAll(
        askar,
        await askar.sessionFetchAll({
          sessionHandle: s,
          category: 'doc',
          orderBy: 'id',
          descending: true,
          forUpdate: false,
        }),
      ),
    )
    t.badOrder = await attempt(() =>
      askar.sessionFetchAll({ sessionHandle: s, category: 'doc', orderBy: 'name', forUpdate: false }).then(() => 'ok'),
    )
    t.badFilter = await attempt(() =>
      askar.sessionCount({ sessionHandle: s, category: 'doc', tagFilter: { $bogus: 1 } }),
    )
    t.none = readAll(askar, await askar.sessionFetchAll({ sessionHandle: s, category: 'nothing', forUpdate: false }))
    t.countAll = await askar.sessionCount({ sessionHandle: s })
    t.removeAll = await askar.sessionRemoveAll({ sessionHandle: s, category: 'doc', tagFilter: FILTERS.eq })
    t.removeAllAgain = await askar.sessionRemoveAll({ sessionHandle: s, category: 'doc', tagFilter: FILTERS.eq })
    t.left = await askar.sessionCount({ sessionHandle: s, category: 'doc' })
    await askar.sessionClose({ sessionHandle: s, commit: true })
    await askar.storeClose({ storeHandle: store })
    return t
  },

  'transactions commit and roll back': async (askar, dir) => {
    const store = await provision(askar, dir)
    const t: Record<string, unknown> = {}
    for (const commit of [false, true]) {
      const tx = await askar.sessionStart({ storeHandle: store, asTransaction: true })
      await insert(askar, tx, `tx-${commit}`, 'in a transaction')
      t[`inside-${commit}`] = await askar.sessionCount({ sessionHandle: tx, category: 'doc' })
      await askar.sessionClose({ sessionHandle: tx, commit })
    }
    const s = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    t.after = readAll(askar, await askar.sessionFetchAll({ sessionHandle: s, category: 'doc', forUpdate: false }))
    await askar.sessionClose({ sessionHandle: s, commit: false })
    t.unknownStore = await attempt(() =>
      askar.sessionStart({ storeHandle: new StoreHandle(987654), asTransaction: false }).then(() => 'started'),
    )
    await askar.storeClose({ storeHandle: store })
    return t
  },

  'scans with filters, offset and limit': async (askar, dir) => {
    const store = await provision(askar, dir)
    const s = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    for (let i = 0; i < 40; i++)
      await insert(askar, s, `item-${String(i).padStart(2, '0')}`, `v${i}`, {
        parity: i % 2 ? 'odd' : 'even',
        '~n': String(i).padStart(2, '0'),
      })
    await askar.sessionClose({ sessionHandle: s, commit: true })
    const scan = async (options: Omit<Parameters<Askar['scanStart']>[0], 'storeHandle'>) => {
      const handle = await askar.scanStart({ storeHandle: store, ...options })
      const batches: string[][] = []
      for (;;) {
        const rows = readAll(askar, await askar.scanNext({ scanHandle: handle }))
        if (rows === null) break
        batches.push(rows.map((row) => row.name))
      }
      askar.scanFree({ scanHandle: handle })
      return batches
    }
    const t: Record<string, unknown> = {}
    t.all = await scan({ category: 'doc', orderBy: 'id' })
    t.even = await scan({ category: 'doc', tagFilter: { parity: 'even' }, orderBy: 'id' })
    t.offsetLimit = await scan({ category: 'doc', offset: 5, limit: 12, orderBy: 'id' })
    t.descending = await scan({ category: 'doc', tagFilter: { '~n': { $gte: '30' } }, orderBy: 'id', descending: true })
    t.profile = await scan({ category: 'doc', profile: 'main', limit: 3, orderBy: 'id' })
    t.empty = await scan({ category: 'nothing' })
    t.badOrder = await attempt(() => scan({ category: 'doc', orderBy: 'name' }))
    t.badFilter = await attempt(() => scan({ category: 'doc', tagFilter: { $bogus: 1 } }))
    await askar.storeClose({ storeHandle: store })
    return t
  },

  'concurrent sessions': async (askar, dir) => {
    const store = await provision(askar, dir)
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const s = await askar.sessionStart({ storeHandle: store, asTransaction: false })
        await insert(askar, s, `parallel-${i}`, `v${i}`, { group: String(i % 3) })
        await askar.sessionClose({ sessionHandle: s, commit: true })
      }),
    )
    const s = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    const counts = await Promise.all(
      ['0', '1', '2'].map((group) => askar.sessionCount({ sessionHandle: s, category: 'doc', tagFilter: { group } })),
    )
    const fetched = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        askar.sessionFetch({ sessionHandle: s, category: 'doc', name: `parallel-${i}`, forUpdate: false }),
      ),
    )
    const values = fetched.map((list) => readEntries(askar, list)?.[0]?.value)
    await askar.sessionClose({ sessionHandle: s, commit: false })
    await askar.storeClose({ storeHandle: store })
    return { counts, values }
  },
}
