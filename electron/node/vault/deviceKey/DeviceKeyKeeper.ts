/**
 * Where this device keeps the store's raw key so a launch opens the store without the passphrase: in the
 * desktop app, Electron main, which holds it only encrypted by safeStorage (the OS keychain). The node
 * never imports electron; the node host implements this over its private channel to main. The web mode
 * and plain node runs have none, so remembering is not offered there.
 */
export interface DeviceKeyKeeper {
  /** The keychain can keep a key now (false: no keyring, or one that would store it in the clear). */
  readonly available: boolean
  /** Main holds a key for this store (it was given one, or read one at launch that opened the store). */
  readonly holdsKey: boolean
  /** Resolves once the key is kept encrypted on disk; rejects if the keychain refused. */
  keep(rawKey: string): Promise<void>
  /** Resolves once the kept key is gone. */
  forget(): Promise<void>
}
