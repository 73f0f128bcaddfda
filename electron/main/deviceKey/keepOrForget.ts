import type { KeychainState } from '../../nodeHost/protocol'

/** Main's keychain as the node host client uses it (keychain.ts). */
export interface HostKeychain {
  readonly state: KeychainState
  keep(rawKey: string): void
  forget(): void
}

/** Keeps the key the node sent (null: forgets it); the answer is undefined, or why the keychain refused. */
export function keepOrForget(keychain: HostKeychain | undefined, key: string | null): string | undefined {
  try {
    if (!keychain) throw new Error('this app has no keychain')
    if (key === null) keychain.forget()
    else keychain.keep(key)
    return undefined
  } catch (failure) {
    return (failure as Error).message
  }
}
