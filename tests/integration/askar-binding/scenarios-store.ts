import { type Askar, type SessionHandle, type StoreHandle } from '@openwallet-foundation/askar-shared'

import { type Scenario, attempt, bytes, readEntries, sqlite } from './harness'

export const seedKey = (askar: Askar, n: number) =>
  askar.storeGenerateRawKey({ seed: bytes(`custos-differential-seed-${n}`.padEnd(32, '.')) })

export async function provision(askar: Askar, dir: string, file = 'store.db', profile = 'main'): Promise<StoreHandle> {
  const passKey = seedKey(askar, 1)
  return askar.storeProvision({ specUri: sqlite(dir, file), keyMethod: 'raw', passKey, profile, recreate: true })
}

export async function insert(
  askar: Askar,
  session: SessionHandle,
  name: string,
  value: string,
  tags?: Record<string, unknown>,
) {
  await askar.sessionUpdate({ sessionHandle: session, operation: 0, category: 'doc', name, value: bytes(value), tags })
}

export const FRUIT: Array<[string, Record<string, string>]> = [
  ['apple', { color: 'red', '~size': '3', '~name': 'apple' }],
  ['apricot', { color: 'orange', '~size': '2', '~name': 'apricot' }],
  ['banana', { color: 'yellow', '~size': '5', '~name': 'banana' }],
  ['blueberry', { color: 'blue', '~size': '1', '~name': 'blueberry' }],
  ['cherry', { color: 'red', '~size': '1', '~name': 'cherry' }],
  ['plain', {}],
]

export const FILTERS: Record<string, Record<string, unknown>> = {
  eq: { color: 'red' },
  neq: { color: { $neq: 'red' } },
  or: { $or: [{ color: 'red' }, { color: 'blue' }] },
  and: { $and: [{ color: 'red' }, { '~size': '3' }] },
  not: { $not: { color: 'red' } },
  in: { color: { $in: ['red', 'yellow'] } },
  gt: { '~size': { $gt: '2' } },
  gte: { '~size': { $gte: '2' } },
  lt: { '~size': { $lt: '3' } },
  lte: { '~size': { $lte: '3' } },
  like: { '~name': { $like: 'ap%' } },
  exist: { $exist: ['~size'] },
  nested: { $or: [{ '~name': { $like: '%rry' } }, { $and: [{ color: 'yellow' }, { '~size': { $gt: '4' } }] }] },
}

export const storeScenarios: Record<string, Scenario> = {
  'raw keys from seed and random': (askar) => {
    const random = askar.storeGenerateRawKey({})
    return { seeded: seedKey(askar, 1), seededAgain: seedKey(askar, 1), randomLength: random.length > 40 }
  },

  'provision, open, rekey, close, remove': async (askar, dir) => {
    const uri = sqlite(dir, 'life.db')
    const [key1, key2] = [seedKey(askar, 1), seedKey(askar, 2)]
    const store = await askar.storeProvision({
      specUri: uri,
      keyMethod: 'raw',
      passKey: key1,
      profile: 'main',
      recreate: false,
    })
    const t: Record<string, unknown> = { profile: await askar.storeGetProfileName({ storeHandle: store }) }
    t.provisionAgain = await attempt(() =>
      askar.storeProvision({ specUri: uri, keyMethod: 'raw', passKey: key1, recreate: false }).then(() => 'opened'),
    )
    t.rekey = await attempt(() => askar.storeRekey({ storeHandle: store, keyMethod: 'raw', passKey: key2 }))
    await askar.storeClose({ storeHandle: store })
    t.openOldKey = await attempt(() =>
      askar.storeOpen({ specUri: uri, keyMethod: 'raw', passKey: key1 }).then(() => 'opened'),
    )
    const reopened = await askar.storeOpen({ specUri: uri, keyMethod: 'raw', passKey: key2 })
    t.reopenedProfile = await askar.storeGetProfileName({ storeHandle: reopened })
    t.closeTwice = [
      await attempt(() => askar.storeClose({ storeHandle: reopened })),
      await attempt(() => askar.storeClose({ storeHandle: reopened })),
    ]
    t.remove = await askar.storeRemove({ specUri: uri })
    t.removeMissing = await attempt(() => askar.storeRemove({ specUri: uri }))
    t.openMissing = await attempt(() =>
      askar
        .storeOpen({ specUri: sqlite(dir, 'nothing-here.db'), keyMethod: 'raw', passKey: key1 })
        .then(() => 'opened'),
    )
    t.badKeyMethod = await attempt(() =>
      askar.storeOpen({ specUri: uri, keyMethod: 'nope', passKey: key1 }).then(() => 'opened'),
    )
    return t
  },

  'passphrase store (kdf:argon2i:int)': async (askar, dir) => {
    const uri = sqlite(dir, 'pass.db')
    const store = await askar.storeProvision({
      specUri: uri,
      keyMethod: 'kdf:argon2i:int',
      passKey: 'correct horse',
      recreate: true,
    })
    await askar.storeClose({ storeHandle: store })
    const open = (passKey: string) =>
      attempt(async () => {
        const handle = await askar.storeOpen({ specUri: uri, keyMethod: 'kdf:argon2i:int', passKey })
        await askar.storeClose({ storeHandle: handle })
        return 'opened'
      })
    return { right: await open('correct horse'), wrong: await open('battery staple') }
  },

  profiles: async (askar, dir) => {
    const store = await provision(askar, dir)
    const t: Record<string, unknown> = {}
    t.created = await askar.storeCreateProfile({ storeHandle: store, profile: 'second' })
    t.randomName = (await askar.storeCreateProfile({ storeHandle: store })).length > 0
    t.duplicate = await attempt(() => askar.storeCreateProfile({ storeHandle: store, profile: 'second' }))
    t.count = (await askar.storeListProfiles({ storeHandle: store })).length
    t.named = (await askar.storeListProfiles({ storeHandle: store }))
      .filter((p) => p === 'main' || p === 'second')
      .sort()
    t.defaultBefore = await askar.storeGetDefaultProfile({ storeHandle: store })
    await askar.storeSetDefaultProfile({ storeHandle: store, profile: 'second' })
    t.defaultAfter = await askar.storeGetDefaultProfile({ storeHandle: store })
    t.active = await askar.storeGetProfileName({ storeHandle: store })
    await askar.storeSetDefaultProfile({ storeHandle: store, profile: 'main' })
    const session = await askar.sessionStart({ storeHandle: store, profile: 'second', asTransaction: false })
    await insert(askar, session, 'only-in-second', 'x')
    await askar.sessionClose({ sessionHandle: session, commit: true })
    t.rename = await askar.storeRenameProfile({ storeHandle: store, fromProfile: 'second', toProfile: 'renamed' })
    t.renameMissing = await attempt(() =>
      askar.storeRenameProfile({ storeHandle: store, fromProfile: 'nope', toProfile: 'x' }),
    )
    const other = await provision(askar, dir, 'other.db', 'main')
    await askar.storeCopyProfile({ fromHandle: store, toHandle: other, fromProfile: 'renamed', toProfile: 'copied' })
    const copied = await askar.sessionStart({ storeHandle: other, profile: 'copied', asTransaction: false })
    t.copiedEntries = await askar.sessionCount({ sessionHandle: copied, category: 'doc' })
    await askar.sessionClose({ sessionHandle: copied, commit: false })
    t.remove = await askar.storeRemoveProfile({ storeHandle: store, profile: 'renamed' })
    t.removeMissing = await attempt(() => askar.storeRemoveProfile({ storeHandle: store, profile: 'renamed' }))
    t.sessionOnMissingProfile = await attempt(async () => {
      const s = await askar.sessionStart({ storeHandle: store, profile: 'renamed', asTransaction: false })
      const count = await askar.sessionCount({ sessionHandle: s })
      await askar.sessionClose({ sessionHandle: s, commit: false })
      return count
    })
    await askar.storeClose({ storeHandle: store })
    await askar.storeClose({ storeHandle: other })
    return t
  },

  'copy store': async (askar, dir) => {
    const store = await provision(askar, dir)
    const session = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    for (const [name, tags] of FRUIT) await insert(askar, session, name, `value of ${name}`, tags)
    await askar.sessionClose({ sessionHandle: session, commit: true })
    const target = sqlite(dir, 'copy.db')
    const passKey = seedKey(askar, 3)
    await askar.storeCopyTo({ storeHandle: store, targetUri: target, keyMethod: 'raw', passKey, recreate: true })
    await askar.storeClose({ storeHandle: store })
    const copy = await askar.storeOpen({ specUri: target, keyMethod: 'raw', passKey })
    const s = await askar.sessionStart({ storeHandle: copy, asTransaction: false })
    const entries = readEntries(
      askar,
      await askar.sessionFetch({ sessionHandle: s, category: 'doc', name: 'banana', forUpdate: false }),
    )
    const count = await askar.sessionCount({ sessionHandle: s, category: 'doc' })
    await askar.sessionClose({ sessionHandle: s, commit: false })
    await askar.storeClose({ storeHandle: copy })
    return { entries, count, profile: 'copied' }
  },
}
