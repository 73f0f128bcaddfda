export { DataDirLock } from './DataDirLock'
export { dataDirLayout, type DataDirLayout } from './dataDirLayout'
export { Vault, type Unlocked, type VaultOptions } from './Vault'
