export { CredentialRefusal } from './CredentialRefusal'
export {
  CustosCredentialEventTypes,
  type CredentialRefusedEvent,
  type CredentialStoredEvent,
} from './CredentialsEvents'
export { CredentialsService } from './CredentialsService'
export { CustosCredentialsApi } from './CustosCredentialsApi'
export { CustosCredentialsModule, credentialsModules } from './CustosCredentialsModule'
export { CustosJsonLdCredentialFormatService } from './CustosJsonLdCredentialFormatService'
export { HolderDidService } from './HolderDidService'
export { keysOfConnection } from './connectionKeys'
export { toHeldCredential } from './provenance'
