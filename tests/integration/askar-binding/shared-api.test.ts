import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'
import {
  askar as registered,
  Jwk,
  KdfMethod,
  Key,
  KeyAlgorithm,
  Store,
  StoreKeyMethod,
} from '@openwallet-foundation/askar-shared'

import { askar } from '../../../electron/node/askar'

// Credo's wallet and storage go through askar-shared's classes, which call the registered Askar.
// This file never imports the reference wrapper, as in the app, so only the binding's own
// registration can make these pass.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-askar-shared-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('askar-shared classes over the koffi binding', () => {
  it('is registered by importing the binding', () => {
    expect(registered).toBe(askar)
  })

  it('runs stores, sessions, scans and keys the way Credo uses them', async () => {
    const store = await Store.provision({
      uri: `sqlite://${path.join(dir, 'wallet.db')}`,
      keyMethod: new StoreKeyMethod(KdfMethod.Raw),
      passKey: Store.generateRawKey(),
      recreate: true,
    })
    const session = await store.openSession()
    await session.insert({ category: 'record', name: 'r1', value: { hello: 'world' }, tags: { type: 'note' } })
    const signing = Key.generate(KeyAlgorithm.Ed25519)
    await session.insertKey({ name: 'did-key', key: signing, metadata: 'm', tags: { kind: 'did' } })
    const entry = await session.fetch({ category: 'record', name: 'r1' })
    expect(entry?.value).toBe('{"hello":"world"}')
    expect(entry?.tags).toEqual({ type: 'note' })
    const all = await session.fetchAll({ category: 'record', tagFilter: { type: 'note' } })
    expect(all.map((e) => e.name)).toEqual(['r1'])
    const keyEntry = await session.fetchKey({ name: 'did-key' })
    expect(keyEntry?.algorithm).toBe('ed25519')
    expect(keyEntry?.key.publicBytes).toEqual(signing.publicBytes)
    await session.close()

    const scanned = await store.scan({ category: 'record' }).fetchAll()
    expect(scanned.map((e) => e.name)).toEqual(['r1'])

    const message = new TextEncoder().encode('hi')
    const signature = signing.signMessage({ message })
    const verifier = Key.fromJwk({ jwk: Jwk.fromString(JSON.stringify(signing.jwkPublic)) })
    expect(verifier.verifySignature({ message, signature })).toBe(true)
    const cek = Key.generate(KeyAlgorithm.AesA256Gcm)
    const enc = cek.aeadEncrypt({ message })
    expect(cek.aeadDecrypt({ ciphertext: enc.ciphertext, nonce: enc.nonce, tag: enc.tag })).toEqual(message)
    for (const k of [signing, verifier, cek, keyEntry!.key]) k.handle.free()
    await store.close()
  })
})
