import { Store } from '@openwallet-foundation/askar-shared'

import { DeviceKeyUnavailableError, isCustosError } from '../../../../shared/errors'
import type { FileLogger } from '../../platform'
import { rekeyStore } from '../rekeyStore'
import type { PassphraseKdf, StoreKey } from '../walletConfig'
import type { DeviceKeyKeeper } from './DeviceKeyKeeper'
import { removePassphraseKey, writePassphraseKey } from './passphraseKeyFile'

/** What turning remembering on and off works with; the store is closed throughout. */
export interface Transition {
  /** vault/passphrase-key.json: R wrapped under the passphrase. */
  file: string
  storeFile: string
  kdf: PassphraseKdf
  logger: FileLogger
  released(): Promise<void>
  /** Whether the key opens the store (tried on a copy). */
  opens(key: StoreKey): Promise<boolean>
}

/**
 * Order: the wrapped key on disk, then the keychain, then the re-key (one Askar transaction). Before the
 * re-key the passphrase opens the store directly; after it, through the file.
 */
export async function turnOn(t: Transition, keeper: DeviceKeyKeeper, passphrase: string): Promise<StoreKey> {
  const { kdf } = t
  const raw = Store.generateRawKey()
  writePassphraseKey(t.file, raw, passphrase, kdf)
  try {
    await keep(keeper, raw)
    await rekeyStore(t.storeFile, { kdf, passphrase }, { raw })
  } catch (error) {
    await t.released()
    // Undone only while the passphrase still opens the store itself: an error after Askar committed the
    // re-key (closing the store, say) must not take away the file the passphrase now needs.
    if (await t.opens({ kdf, passphrase })) {
      removePassphraseKey(t.file)
      await keeper.forget().catch(() => undefined)
    }
    throw error
  }
  await t.released()
  t.logger.info('store remembered on this device')
  return { raw }
}

/**
 * Order: the re-key back to the passphrase, then the file, then the keychain. A key left in the keychain
 * opens nothing any more; the next launch finds that out and drops it.
 */
export async function turnOff(
  t: Transition,
  key: { raw: string },
  passphrase: string,
  keeper?: DeviceKeyKeeper,
): Promise<StoreKey> {
  const next: StoreKey = { kdf: t.kdf, passphrase }
  try {
    await rekeyStore(t.storeFile, key, next)
  } finally {
    await t.released()
  }
  removePassphraseKey(t.file)
  await keeper?.forget().catch((error: unknown) => t.logger.error('forgetting the device key failed', { error }))
  t.logger.info('store no longer remembered on this device')
  return next
}

export async function keep(keeper: DeviceKeyKeeper, raw: string): Promise<void> {
  try {
    await keeper.keep(raw)
  } catch (error) {
    throw isCustosError(error)
      ? error
      : new DeviceKeyUnavailableError('the OS keychain refused to keep the key', { cause: error })
  }
}
