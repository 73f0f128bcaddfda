// Imported first by every entry (node host, headless serve, tests' setup), before anything imports
// @openwallet-foundation/askar-shared or @credo-ts/askar as an ES module.
//
// askar-shared is CommonJS. Node gives an ES module that imports it a copy of its exports taken the
// moment that import is first evaluated, and Credo 0.6.3's askar module reads `askar` from that copy:
// a binding registered later is never seen there (3 of 10 key operations pass, initialize() fails).
// So the registration happens here through require, before that first import, and registers a
// forwarder: the koffi binding itself (./index) is an ES module over askar-shared and sets itself
// behind the forwarder when it loads. tests/unit/askarLoadOrder.test.ts checks the order.
import { createRequire } from 'node:module'

import type { Askar } from '@openwallet-foundation/askar-shared'

let current: Askar | undefined

/** Called by ./index with the koffi binding. */
export function useAskarBinding(askar: Askar): void {
  current = askar
}

const forwarder = new Proxy({} as Askar, {
  get(_target, name) {
    if (!current) throw new Error('The Askar binding (electron/node/askar) was not loaded before its first use.')
    const value = current[name as keyof Askar]
    return typeof value === 'function' ? value.bind(current) : value
  },
})

const shared = createRequire(import.meta.url)('@openwallet-foundation/askar-shared') as {
  registerAskar(options: { askar: Askar }): void
}
shared.registerAskar({ askar: forwarder })
