import { KdfMethod, Store, StoreKeyMethod } from '@openwallet-foundation/askar-shared'

import { storeOpenError } from './storeOpenError'
import type { PassphraseKdf } from './walletConfig'

const KDF: Record<PassphraseKdf, KdfMethod> = {
  'argon2i-mod': KdfMethod.Argon2IMod,
  'argon2i-int': KdfMethod.Argon2IInt,
}

export interface StoreKey {
  kdf: PassphraseKdf
  passphrase: string
}

/**
 * Re-encrypts the store's profile keys under a key derived from `next`. Askar does it in one SQLite
 * transaction, so a crash leaves the store opening with either the old passphrase or the new one.
 * Works on a closed store (Credo's rotateKey would open its own default path instead of ours).
 * Errors come as the vault's typed store errors (a wrong `current` is WrongPassphrase).
 */
export async function rekeyStore(storeFile: string, current: StoreKey, next: StoreKey): Promise<void> {
  let store: Store
  try {
    store = await Store.open({
      uri: `sqlite://${storeFile}`,
      keyMethod: new StoreKeyMethod(KDF[current.kdf]),
      passKey: current.passphrase,
    })
  } catch (error) {
    throw storeOpenError(storeFile, error)
  }
  try {
    await store.rekey({ keyMethod: new StoreKeyMethod(KDF[next.kdf]), passKey: next.passphrase })
  } catch (error) {
    throw storeOpenError(storeFile, error)
  } finally {
    await store.close()
  }
}
