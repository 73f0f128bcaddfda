import { KeyAlgorithm, SessionHandle, type Askar } from '@openwallet-foundation/askar-shared'

import { type Scenario, attempt, bytes, fill, readAllKeys, readKeyEntries, sqlite } from './harness'
import { fixedKey } from './scenarios-keys'

export const keyEntryScenarios: Record<string, Scenario> = {
  'key entries in a store': async (askar, dir) => {
    const passKey = askar.storeGenerateRawKey({ seed: fill(32) })
    const store = await askar.storeProvision({
      specUri: sqlite(dir, 'keys.db'),
      keyMethod: 'raw',
      passKey,
      profile: 'main',
      recreate: true,
    })
    const s = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    const keys = {
      signing: fixedKey(askar, KeyAlgorithm.Ed25519, 1),
      agreement: fixedKey(askar, KeyAlgorithm.X25519, 2),
      p256: fixedKey(askar, KeyAlgorithm.EcSecp256r1, 3),
    }
    for (const [name, localKeyHandle] of Object.entries(keys)) {
      await askar.sessionInsertKey({
        sessionHandle: s,
        localKeyHandle,
        name,
        metadata: `meta of ${name}`,
        tags: { purpose: name, '~rank': String(name.length) },
      })
    }
    await askar.sessionInsertKey({ sessionHandle: s, localKeyHandle: keys.signing, name: 'bare' })
    const fetchKey = async (name: string) =>
      readKeyEntries(askar, await askar.sessionFetchKey({ sessionHandle: s, name, forUpdate: false }))
    const fetchAll = async (options: Partial<Parameters<Askar['sessionFetchAllKeys']>[0]>) =>
      readAllKeys(askar, await askar.sessionFetchAllKeys({ sessionHandle: s, forUpdate: false, ...options }))
    const thumbprint = askar.keyGetJwkThumbprint({ localKeyHandle: keys.p256, algorithm: KeyAlgorithm.EcSecp256r1 })
    const t: Record<string, unknown> = {
      signing: await fetchKey('signing'),
      bare: await fetchKey('bare'),
      missing: await fetchKey('nope'),
      duplicate: await attempt(() =>
        askar.sessionInsertKey({ sessionHandle: s, localKeyHandle: keys.signing, name: 'signing' }),
      ),
      all: (await fetchAll({}))?.map((k) => k.name).sort(),
      // No order is promised without orderBy.
      ed25519: (await fetchAll({ algorithm: KeyAlgorithm.Ed25519 }))?.sort((a, b) => a.name.localeCompare(b.name)),
      byThumbprint: (await fetchAll({ thumbprint }))?.map((k) => k.name),
      byTag: (await fetchAll({ tagFilter: { $or: [{ purpose: 'p256' }, { '~rank': { $gt: '7' } }] } }))
        ?.map((k) => k.name)
        .sort(),
      limited: (await fetchAll({ limit: 2 }))?.length,
    }
    await askar.sessionUpdateKey({
      sessionHandle: s,
      name: 'signing',
      metadata: 'updated',
      tags: { purpose: 'rotated' },
    })
    t.updated = await fetchKey('signing')
    t.updateMissing = await attempt(() => askar.sessionUpdateKey({ sessionHandle: s, name: 'nope', metadata: 'x' }))
    await askar.sessionRemoveKey({ sessionHandle: s, name: 'agreement' })
    t.removed = await fetchKey('agreement')
    t.removeMissing = await attempt(() => askar.sessionRemoveKey({ sessionHandle: s, name: 'agreement' }))
    t.loadOutOfRange = await attempt(async () => {
      const list = await askar.sessionFetchKey({ sessionHandle: s, name: 'signing', forUpdate: false })
      try {
        return askar.keyEntryListLoadLocal({ keyEntryListHandle: list!, index: 5 })
      } finally {
        askar.keyEntryListFree({ keyEntryListHandle: list! })
      }
    })
    for (const k of Object.values(keys)) askar.keyFree({ localKeyHandle: k })
    await askar.sessionClose({ sessionHandle: s, commit: true })
    await askar.storeClose({ storeHandle: store })
    return t
  },

  'errors the node relies on': async (askar, dir) => {
    const uri = sqlite(dir, 'errors.db')
    const passKey = askar.storeGenerateRawKey({ seed: fill(32, 4) })
    const store = await askar.storeProvision({ specUri: uri, keyMethod: 'raw', passKey, recreate: true })
    const s = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    await askar.sessionUpdate({ sessionHandle: s, operation: 0, category: 'c', name: 'n', value: bytes('v') })
    const ed = fixedKey(askar, KeyAlgorithm.Ed25519)
    const gcm = fixedKey(askar, KeyAlgorithm.AesA256Gcm)
    const enc = askar.keyAeadEncrypt({ localKeyHandle: gcm, message: bytes('m'), nonce: fill(12) })
    const t = {
      noErrorYet: askar.getCurrentError(),
      duplicateInsert: await attempt(() =>
        askar.sessionUpdate({ sessionHandle: s, operation: 0, category: 'c', name: 'n', value: bytes('v') }),
      ),
      missingUpdate: await attempt(() =>
        askar.sessionUpdate({ sessionHandle: s, operation: 1, category: 'c', name: 'absent', value: bytes('v') }),
      ),
      invalidAlgorithm: await attempt(() => askar.keyGenerate({ algorithm: 'nope' as KeyAlgorithm, ephemeral: false })),
      badSignatureLength: await attempt(() =>
        askar.keyVerifySignature({ localKeyHandle: ed, message: bytes('m'), signature: fill(12) }),
      ),
      wrongTag: await attempt(() =>
        askar.keyAeadDecrypt({ localKeyHandle: gcm, ciphertext: enc.ciphertext, nonce: enc.nonce, tag: fill(16) }),
      ),
      entryIndexOutOfRange: await attempt(async () => {
        const list = await askar.sessionFetch({ sessionHandle: s, category: 'c', name: 'n', forUpdate: false })
        try {
          return askar.entryListGetName({ entryListHandle: list!, index: 3 })
        } finally {
          askar.entryListFree({ entryListHandle: list! })
        }
      }),
      unknownSession: await attempt(() => askar.sessionCount({ sessionHandle: new SessionHandle(424242) })),
    }
    await askar.sessionClose({ sessionHandle: s, commit: true })
    await askar.storeClose({ storeHandle: store })
    const wrongKey = await attempt(() =>
      askar
        .storeOpen({ specUri: uri, keyMethod: 'raw', passKey: askar.storeGenerateRawKey({ seed: fill(32, 5) }) })
        .then(() => 'opened'),
    )
    askar.keyFree({ localKeyHandle: ed })
    askar.keyFree({ localKeyHandle: gcm })
    return { ...t, wrongKey, lastErrorConsumed: askar.getCurrentError() }
  },
}
