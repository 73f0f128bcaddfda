// Memory stress check of the koffi Askar binding: 10,000 mixed operations (store sessions, scans,
// keys, signatures, AEAD, crypto_box, JWK) after a warm-up, then RSS and heap growth after GC.
// Run: npx tsx scripts/bench/askar-stress.ts   (or node --expose-gc --import tsx scripts/bench/askar-stress.ts)
// Prints one JSON line; exits 1 if RSS grew more than the bound after warm-up.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'

import koffi from 'koffi'
import { Jwk, Key, KeyAlgorithm, type SessionHandle, type StoreHandle } from '@openwallet-foundation/askar-shared'

import { askar } from '../../electron/node/askar'

const OPERATIONS = Number(process.env.ASKAR_STRESS_OPS ?? 10_000)
const WARMUP = Math.min(2_000, OPERATIONS)
const RSS_BOUND_MIB = Number(process.env.ASKAR_STRESS_RSS_MIB ?? 64)
const MiB = 1024 * 1024

// Without --expose-gc, V8 can still expose gc() to a fresh context when the flag is set at runtime.
function getGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc
  if (existing) return existing
  v8.setFlagsFromString('--expose-gc')
  return vm.runInNewContext('gc') as () => void
}

const gc = getGc()
const encoder = new TextEncoder()

async function settle() {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve))
    gc()
  }
  return process.memoryUsage()
}

async function operation(i: number, store: StoreHandle, session: SessionHandle) {
  const name = `entry-${i % 500}`
  switch (i % 10) {
    case 0: {
      await askar.sessionRemoveAll({ sessionHandle: session, category: 'stress', tagFilter: { slot: String(i % 500) } })
      const value = encoder.encode(`value ${i} `.repeat(20))
      return askar.sessionUpdate({
        sessionHandle: session,
        operation: 0,
        category: 'stress',
        name,
        value,
        tags: { slot: String(i % 500), '~n': String(i) },
      })
    }
    case 1: {
      const list = await askar.sessionFetch({
        sessionHandle: session,
        category: 'stress',
        name: `entry-${(i - 1) % 500}`,
        forUpdate: false,
      })
      if (!list) return
      askar.entryListGetValue({ entryListHandle: list, index: 0 })
      askar.entryListGetTags({ entryListHandle: list, index: 0 })
      return askar.entryListFree({ entryListHandle: list })
    }
    case 2: {
      const scan = await askar.scanStart({ storeHandle: store, category: 'stress', limit: 5 })
      for (
        let rows = await askar.scanNext({ scanHandle: scan });
        rows;
        rows = await askar.scanNext({ scanHandle: scan })
      ) {
        askar.entryListGetName({ entryListHandle: rows, index: 0 })
        askar.entryListFree({ entryListHandle: rows })
      }
      return askar.scanFree({ scanHandle: scan })
    }
    case 3: {
      const k = askar.keyGenerate({ algorithm: KeyAlgorithm.EcSecp256r1, ephemeral: true })
      askar.keyGetPublicBytes({ localKeyHandle: k })
      return askar.keyFree({ localKeyHandle: k })
    }
    case 4: {
      const k = askar.keyGenerate({ algorithm: KeyAlgorithm.Ed25519, ephemeral: true })
      const message = encoder.encode(`message ${i}`)
      const signature = askar.keySignMessage({ localKeyHandle: k, message })
      if (!askar.keyVerifySignature({ localKeyHandle: k, message, signature })) throw new Error('verify failed')
      return askar.keyFree({ localKeyHandle: k })
    }
    case 5: {
      const k = askar.keyGenerate({ algorithm: KeyAlgorithm.AesA256Gcm, ephemeral: true })
      const enc = askar.keyAeadEncrypt({
        localKeyHandle: k,
        message: encoder.encode('x'.repeat(1024)),
        aad: encoder.encode('aad'),
      })
      askar.keyAeadDecrypt({
        localKeyHandle: k,
        ciphertext: enc.ciphertext,
        nonce: enc.nonce,
        tag: enc.tag,
        aad: encoder.encode('aad'),
      })
      return askar.keyFree({ localKeyHandle: k })
    }
    case 6: {
      const k = askar.keyGenerate({ algorithm: KeyAlgorithm.Ed25519, ephemeral: true })
      const jwk = Jwk.fromString(askar.keyGetJwkPublic({ localKeyHandle: k, algorithm: KeyAlgorithm.Ed25519 }))
      askar.keyGetJwkSecret({ localKeyHandle: k })
      askar.keyGetJwkThumbprint({ localKeyHandle: k, algorithm: KeyAlgorithm.Ed25519 })
      const imported = askar.keyFromJwk({ jwk })
      askar.keyFree({ localKeyHandle: imported })
      return askar.keyFree({ localKeyHandle: k })
    }
    case 7:
      return askar.sessionCount({ sessionHandle: session, category: 'stress', tagFilter: { '~n': { $gt: '5' } } })
    case 8: {
      const recipient = askar.keyGenerate({ algorithm: KeyAlgorithm.X25519, ephemeral: true })
      const sealed = askar.keyCryptoBoxSeal({ localKeyHandle: recipient, message: encoder.encode(`sealed ${i}`) })
      askar.keyCryptoBoxSealOpen({ localKeyHandle: recipient, ciphertext: sealed })
      const nonce = askar.keyCryptoBoxRandomNonce()
      const boxed = askar.keyCryptoBox({
        recipientKey: new Key(recipient),
        senderKey: new Key(recipient),
        message: sealed,
        nonce,
      })
      askar.keyCryptoBoxOpen({ recipientKey: new Key(recipient), senderKey: new Key(recipient), message: boxed, nonce })
      return askar.keyFree({ localKeyHandle: recipient })
    }
    default: {
      const all = await askar.sessionFetchAll({
        sessionHandle: session,
        category: 'stress',
        limit: 10,
        forUpdate: false,
      })
      if (all) askar.entryListFree({ entryListHandle: all })
      // An error path every time: a duplicate insert must not leak its callback or error string.
      await askar
        .sessionUpdate({
          sessionHandle: session,
          operation: 0,
          category: 'stress',
          name: `entry-${(i - 9) % 500}`,
          value: encoder.encode('dup'),
        })
        .catch(() => undefined)
    }
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-askar-stress-'))
  try {
    const store = await askar.storeProvision({
      specUri: `sqlite://${path.join(dir, 'stress.db')}`,
      keyMethod: 'raw',
      passKey: askar.storeGenerateRawKey({}),
      recreate: true,
    })
    const session = await askar.sessionStart({ storeHandle: store, asTransaction: false })
    for (let i = 0; i < WARMUP; i++) await operation(i, store, session)
    const before = await settle()
    const callbacksBefore = koffi.stats().callbacks
    const started = performance.now()
    let peakRss = before.rss
    for (let i = 0; i < OPERATIONS; i++) {
      await operation(i, store, session)
      if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss)
    }
    const seconds = (performance.now() - started) / 1000
    await askar.sessionClose({ sessionHandle: session, commit: true })
    await askar.storeClose({ storeHandle: store })
    const after = await settle()
    const rssGrowthMiB = (after.rss - before.rss) / MiB
    const result = {
      check: 'askar-koffi-stress',
      askar: askar.version(),
      operations: OPERATIONS,
      warmup: WARMUP,
      seconds: Number(seconds.toFixed(2)),
      opsPerSecond: Math.round(OPERATIONS / seconds),
      rssBeforeMiB: Number((before.rss / MiB).toFixed(1)),
      rssAfterMiB: Number((after.rss / MiB).toFixed(1)),
      rssPeakMiB: Number((peakRss / MiB).toFixed(1)),
      rssGrowthMiB: Number(rssGrowthMiB.toFixed(1)),
      heapUsedBeforeMiB: Number((before.heapUsed / MiB).toFixed(1)),
      heapUsedAfterMiB: Number((after.heapUsed / MiB).toFixed(1)),
      heapGrowthMiB: Number(((after.heapUsed - before.heapUsed) / MiB).toFixed(1)),
      registeredCallbacks: { before: callbacksBefore, after: koffi.stats().callbacks },
      rssBoundMiB: RSS_BOUND_MIB,
      ok: rssGrowthMiB <= RSS_BOUND_MIB && koffi.stats().callbacks <= callbacksBefore,
    }
    console.log(JSON.stringify(result))
    process.exitCode = result.ok ? 0 : 1
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

await main()
