export { AppDbKeyRecord } from './appDbKey'
export { Vault, type Unlocked, type VaultOptions } from './Vault'
export { VaultApi, type VaultHost } from './VaultApi'
export { walletConfigFor, type PassphraseKdf } from './walletConfig'
