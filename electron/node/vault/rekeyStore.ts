import { KdfMethod, Store, StoreKeyMethod } from '@openwallet-foundation/askar-shared'

import type { PassphraseKdf } from './walletConfig'

const KDF: Record<PassphraseKdf, KdfMethod> = {
  'argon2i-mod': KdfMethod.Argon2IMod,
  'argon2i-int': KdfMethod.Argon2IInt,
}

/**
 * Re-encrypts the store's profile keys under a key derived from `next`. Askar does it in one SQLite
 * transaction, so a crash leaves the store opening with either the old passphrase or the new one.
 * Works on a closed store (Credo's rotateKey would open its own default path instead of ours).
 */
export async function rekeyStore(storeFile: string, kdf: PassphraseKdf, current: string, next: string): Promise<void> {
  const keyMethod = new StoreKeyMethod(KDF[kdf])
  const store = await Store.open({ uri: `sqlite://${storeFile}`, keyMethod, passKey: current })
  try {
    await store.rekey({ keyMethod, passKey: next })
  } finally {
    await store.close()
  }
}
