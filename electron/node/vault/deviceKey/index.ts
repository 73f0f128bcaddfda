export type { DeviceKeyKeeper } from './DeviceKeyKeeper'
export { DeviceKeys } from './DeviceKeys'
export { readPassphraseKey, removePassphraseKey, writePassphraseKey } from './passphraseKeyFile'
