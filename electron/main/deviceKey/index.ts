export { Keychain } from './keychain'
export { openRemembered } from './openRemembered'
