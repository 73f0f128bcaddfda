import { createRequire } from 'node:module'

import type { Askar } from '@openwallet-foundation/askar-shared'

/**
 * Import this first. Credo 0.6.3's Askar KMS reads `askar` as an ESM named import of askar-shared, a
 * CommonJS module: Node takes that value once, when askar-shared is first imported as ESM, and
 * `registerAskar` later changes only the CommonJS export. Registering a forwarder through `require`
 * before that first import makes the value the KMS keeps the node's koffi binding (see bindAskar).
 */
let real: Askar | undefined
const shared = createRequire(import.meta.url)('@openwallet-foundation/askar-shared') as {
  registerAskar: (options: { askar: Askar }) => void
}
shared.registerAskar({
  askar: new Proxy({} as Askar, {
    get(_target, property) {
      if (!real) throw new Error('askarFirst: bindAskar was not called')
      const value = (real as unknown as Record<PropertyKey, unknown>)[property]
      return typeof value === 'function' ? value.bind(real) : value
    },
  }),
})

export function bindAskar(askar: Askar): Askar {
  real = askar
  return askar
}
