import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import koffi from 'koffi'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import {
  AskarError,
  EntryListHandle,
  Jwk,
  KeyAlgorithm,
  LocalKeyHandle,
  StoreHandle,
} from '@openwallet-foundation/askar-shared'

import { KoffiAskar, askar, askarLibraryCandidates, askarLibraryPath } from '../../../electron/node/askar'
import { bindings, bytes, fill, hex, key, makeTempRoot, sqlite, text } from './harness'

// What the differential test cannot show: interface coverage, the library search, memory and
// callback bookkeeping, and behaviour where the reference wrapper itself is wrong.
const { koffi: binding, reference } = bindings()
const root = makeTempRoot()
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function interfaceMethods(): string[] {
  const require = createRequire(import.meta.url)
  const shared = path.dirname(require.resolve('@openwallet-foundation/askar-shared/package.json'))
  const file = path.join(shared, 'build', 'askar', 'Askar.d.ts')
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const alias = source.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === 'Askar',
  )
  if (!alias || !ts.isTypeLiteralNode(alias.type)) throw new Error('Askar type not found')
  return alias.type.members.map((member) => (member.name as ts.Identifier).text)
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('koffi binding', () => {
  it('implements every method of the Askar interface', () => {
    const methods = interfaceMethods()
    const missing = methods.filter((name) => typeof (askar as unknown as Record<string, unknown>)[name] !== 'function')
    console.info(`Askar interface: ${methods.length} methods, ${methods.length - missing.length} implemented`)
    expect(methods.length).toBeGreaterThan(80)
    expect(missing).toEqual([])
    expect(askar).toBeInstanceOf(KoffiAskar)
  })

  it('finds the library, honours CUSTOS_ASKAR_LIB and explains a missing library', () => {
    const found = askarLibraryPath()
    expect(found).toContain(path.join('resources', 'native', `${process.platform}-${process.arch}`))
    expect(askarLibraryCandidates()).toContain(
      path.join(process.cwd(), 'resources', 'native', `${process.platform}-${process.arch}`, path.basename(found)),
    )
    const saved = process.env.CUSTOS_ASKAR_LIB
    try {
      process.env.CUSTOS_ASKAR_LIB = found
      expect(askarLibraryPath()).toBe(found)
      process.env.CUSTOS_ASKAR_LIB = path.join(root, 'missing', 'libaries_askar.so')
      expect(() => askarLibraryPath()).toThrow(/missing[\\/]libaries_askar\.so[\s\S]*npm run setup:askar/)
    } finally {
      if (saved === undefined) delete process.env.CUSTOS_ASKAR_LIB
      else process.env.CUSTOS_ASKAR_LIB = saved
    }
    const resources = process as NodeJS.Process & { resourcesPath?: string }
    resources.resourcesPath = path.join(root, 'app-resources')
    try {
      expect(askarLibraryCandidates()[0]).toBe(
        path.join(
          root,
          'app-resources',
          'resources',
          'native',
          `${process.platform}-${process.arch}`,
          path.basename(found),
        ),
      )
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath')
    }
  })

  it('loads nothing until first use', () => {
    const unloaded = new KoffiAskar(path.join(root, 'nowhere.so'))
    expect(() => unloaded.version()).toThrow(/nowhere\.so/)
  })

  it('returns plain Uint8Arrays and askar-shared handles holding copies, not library memory', async () => {
    const k = binding.keyGenerate({ algorithm: KeyAlgorithm.Ed25519, ephemeral: false })
    expect(k).toBeInstanceOf(LocalKeyHandle)
    expect(typeof k.handle).toBe('string')
    const signature = binding.keySignMessage({ localKeyHandle: k, message: bytes('m') })
    expect(Object.getPrototypeOf(signature)).toBe(Uint8Array.prototype)
    expect(signature.buffer.byteLength).toBe(64)
    const store = await binding.storeProvision({
      specUri: sqlite(root, 'shape.db'),
      keyMethod: 'raw',
      passKey: binding.storeGenerateRawKey({}),
      recreate: true,
    })
    expect(store).toBeInstanceOf(StoreHandle)
    const session = await binding.sessionStart({ storeHandle: store, asTransaction: false })
    await binding.sessionUpdate({ sessionHandle: session, operation: 0, category: 'c', name: 'n', value: bytes('v') })
    const list = await binding.sessionFetch({ sessionHandle: session, category: 'c', name: 'n', forUpdate: false })
    expect(list).toBeInstanceOf(EntryListHandle)
    binding.entryListFree({ entryListHandle: list! })
    await binding.sessionClose({ sessionHandle: session, commit: true })
    await binding.storeClose({ storeHandle: store })
    binding.keyFree({ localKeyHandle: k })
  })

  it('refuses handles made by another binding instead of passing them to the library', () => {
    const foreign = reference.keyGenerate({ algorithm: KeyAlgorithm.Ed25519, ephemeral: false })
    expect(() => binding.keyGetAlgorithm({ localKeyHandle: foreign })).toThrow(AskarError)
    reference.keyFree({ localKeyHandle: foreign })
  })

  it('rejects when an async call fails before starting (the reference never settles here)', async () => {
    const store = await binding.storeProvision({
      specUri: sqlite(root, 'sync-error.db'),
      keyMethod: 'raw',
      passKey: binding.storeGenerateRawKey({}),
      recreate: true,
    })
    const session = await binding.sessionStart({ storeHandle: store, asTransaction: false })
    await expect(
      binding.sessionUpdate({ sessionHandle: session, operation: 9, category: 'c', name: 'n' }),
    ).rejects.toMatchObject({ code: 5 })
    await binding.sessionClose({ sessionHandle: session, commit: false })
    await binding.storeClose({ storeHandle: store })
  })

  it('unregisters every callback and stops keeping the process alive, on success and on error', async () => {
    await settle()
    const before = koffi.stats().callbacks
    const store = await binding.storeProvision({
      specUri: sqlite(root, 'slots.db'),
      keyMethod: 'raw',
      passKey: binding.storeGenerateRawKey({}),
      recreate: true,
    })
    const session = await binding.sessionStart({ storeHandle: store, asTransaction: false })
    const work = Array.from({ length: 200 }, async (_, i) => {
      await binding
        .sessionUpdate({ sessionHandle: session, operation: 0, category: 'c', name: `n${i % 50}`, value: bytes('v') })
        .catch(() => 'duplicate')
      await binding
        .sessionUpdate({ sessionHandle: session, operation: 9, category: 'c', name: 'x' })
        .catch(() => 'sync error')
      const list = await binding.sessionFetch({
        sessionHandle: session,
        category: 'c',
        name: `n${i % 50}`,
        forUpdate: false,
      })
      if (list) binding.entryListFree({ entryListHandle: list })
    })
    await Promise.all(work)
    await binding.sessionClose({ sessionHandle: session, commit: true })
    await binding.storeClose({ storeHandle: store })
    await expect(
      binding.storeOpen({ specUri: sqlite(root, 'absent.db'), keyMethod: 'raw', passKey: 'x' }),
    ).rejects.toBeInstanceOf(AskarError)
    await settle()
    expect(koffi.stats().callbacks).toBe(before)
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout')).toEqual([])
  })

  it('closes the copy made by storeCopyTo and reports storeCopyProfile as copied', async () => {
    const passKey = binding.storeGenerateRawKey({})
    const store = await binding.storeProvision({
      specUri: sqlite(root, 'copy-src.db'),
      keyMethod: 'raw',
      passKey,
      profile: 'p',
      recreate: true,
    })
    await binding.storeCopyTo({
      storeHandle: store,
      targetUri: sqlite(root, 'copy-dst.db'),
      keyMethod: 'raw',
      passKey,
      recreate: true,
    })
    const copy = await binding.storeOpen({ specUri: sqlite(root, 'copy-dst.db'), keyMethod: 'raw', passKey })
    const other = await binding.storeProvision({
      specUri: sqlite(root, 'copy-other.db'),
      keyMethod: 'raw',
      passKey,
      recreate: true,
    })
    expect(
      await binding.storeCopyProfile({ fromHandle: copy, toHandle: other, fromProfile: 'p', toProfile: 'q' }),
    ).toBe(1)
    for (const handle of [store, copy, other]) await binding.storeClose({ storeHandle: handle })
    expect(await binding.storeRemove({ specUri: sqlite(root, 'copy-dst.db') })).toBe(1)
  })

  it('lists the same key backends as the reference', () => {
    const referenceBackends = (
      reference as unknown as { keyGetSupportedBackends(): string[] }
    ).keyGetSupportedBackends()
    expect(binding.keyGetSupportedBackends()).toEqual(referenceBackends)
  })
})

describe('random results verified across the two bindings', () => {
  const pairs = [
    ['koffi', binding, 'reference', reference],
    ['reference', reference, 'koffi', binding],
  ] as const

  for (const [fromName, from, toName, to] of pairs) {
    it(`${fromName} signs, encrypts and seals; ${toName} verifies, decrypts and opens`, () => {
      const message = bytes(`from ${fromName}`)
      for (const algorithm of [KeyAlgorithm.Ed25519, KeyAlgorithm.EcSecp256r1, KeyAlgorithm.EcSecp256k1]) {
        const signer = from.keyGenerate({ algorithm, ephemeral: true })
        const signature = from.keySignMessage({ localKeyHandle: signer, message })
        const verifier = to.keyFromJwk({
          jwk: Jwk.fromString(from.keyGetJwkPublic({ localKeyHandle: signer, algorithm })),
        })
        expect(to.keyVerifySignature({ localKeyHandle: verifier, message, signature })).toBe(true)
        from.keyFree({ localKeyHandle: signer })
        to.keyFree({ localKeyHandle: verifier })
      }
      const cek = from.keyGenerate({ algorithm: KeyAlgorithm.Chacha20XC20P, ephemeral: true })
      const enc = from.keyAeadEncrypt({ localKeyHandle: cek, message, aad: bytes('aad') })
      const copy = to.keyFromSecretBytes({
        algorithm: KeyAlgorithm.Chacha20XC20P,
        secretKey: from.keyGetSecretBytes({ localKeyHandle: cek }),
      })
      expect(
        text(
          to.keyAeadDecrypt({
            localKeyHandle: copy,
            ciphertext: enc.ciphertext,
            nonce: enc.nonce,
            tag: enc.tag,
            aad: bytes('aad'),
          }),
        ),
      ).toBe(`from ${fromName}`)
      const recipientSecret = fill(32, 99)
      const recipientFrom = from.keyFromSecretBytes({ algorithm: KeyAlgorithm.X25519, secretKey: recipientSecret })
      const recipientTo = to.keyFromSecretBytes({ algorithm: KeyAlgorithm.X25519, secretKey: recipientSecret })
      const sealed = from.keyCryptoBoxSeal({ localKeyHandle: recipientFrom, message })
      expect(text(to.keyCryptoBoxSealOpen({ localKeyHandle: recipientTo, ciphertext: sealed }))).toBe(
        `from ${fromName}`,
      )
      const nonce = from.keyCryptoBoxRandomNonce()
      const sender = from.keyGenerate({ algorithm: KeyAlgorithm.X25519, ephemeral: true })
      const senderPublic = to.keyFromPublicBytes({
        algorithm: KeyAlgorithm.X25519,
        publicKey: from.keyGetPublicBytes({ localKeyHandle: sender }),
      })
      const boxed = from.keyCryptoBox({ recipientKey: key(recipientFrom), senderKey: key(sender), message, nonce })
      expect(
        hex(
          to.keyCryptoBoxOpen({ recipientKey: key(recipientTo), senderKey: key(senderPublic), message: boxed, nonce }),
        ),
      ).toBe(hex(message))
      for (const k of [cek, recipientFrom, sender]) from.keyFree({ localKeyHandle: k })
      for (const k of [copy, recipientTo, senderPublic]) to.keyFree({ localKeyHandle: k })
    })
  }
})
