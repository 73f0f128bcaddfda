export { keepOrForget, type HostKeychain } from './keepOrForget'
export { Keychain } from './keychain'
export { openRemembered } from './openRemembered'
