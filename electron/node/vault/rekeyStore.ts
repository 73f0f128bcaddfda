import { KdfMethod, Store, StoreKeyMethod } from '@openwallet-foundation/askar-shared'

import { storeOpenError } from './storeOpenError'
import { isRawKey, type PassphraseKdf, type StoreKey } from './walletConfig'

const KDF: Record<PassphraseKdf, KdfMethod> = {
  'argon2i-mod': KdfMethod.Argon2IMod,
  'argon2i-int': KdfMethod.Argon2IInt,
}

export type { StoreKey }

/** Askar's key method and pass key for a store key. */
export function askarKey(key: StoreKey): { keyMethod: StoreKeyMethod; passKey: string } {
  return isRawKey(key)
    ? { keyMethod: new StoreKeyMethod(KdfMethod.Raw), passKey: key.raw }
    : { keyMethod: new StoreKeyMethod(KDF[key.kdf]), passKey: key.passphrase }
}

/**
 * Re-encrypts the store's profile keys under `next` (a passphrase through Argon2, or a raw key). Askar
 * does it in one SQLite transaction, so a crash leaves the store opening with either the old key or the
 * new one. Works on a closed store (Credo's rotateKey would open its own default path instead of ours).
 * Errors come as the vault's typed store errors (a wrong `current` is WrongPassphrase).
 */
export async function rekeyStore(storeFile: string, current: StoreKey, next: StoreKey): Promise<void> {
  let store: Store
  try {
    store = await Store.open({ uri: `sqlite://${storeFile}`, ...askarKey(current) })
  } catch (error) {
    throw storeOpenError(storeFile, error)
  }
  try {
    await store.rekey(askarKey(next))
  } catch (error) {
    throw storeOpenError(storeFile, error)
  } finally {
    await store.close()
  }
}
