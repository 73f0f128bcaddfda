export { CredentialRefusal } from './CredentialRefusal'
export {
  CustosCredentialEventTypes,
  type CredentialRefusedEvent,
  type CredentialStoredEvent,
} from './CredentialsEvents'
export { CredentialsService } from './CredentialsService'
export { CustosCredentialsApi } from './CustosCredentialsApi'
export {
  CustosCredentialsModule,
  credentialsDidComm,
  credentialsModules,
  type CredentialsOptions,
} from './CustosCredentialsModule'
export { CustosJsonLdCredentialFormatService } from './CustosJsonLdCredentialFormatService'
export { HolderDidService } from './HolderDidService'
export { keysOfConnection, keysOfConnectionRecord } from './connectionKeys'
export { toHeldCredential } from './provenance'
export {
  boundDocuments,
  DEFAULT_MAX_DOCUMENT_BYTES,
  documents,
  DocumentsService,
  messageBytesForDocument,
  sha256Sri,
  type BoundDocument,
  type DocumentsOptions,
} from './documents'
export {
  CustosSdJwtVcCredentialFormatService,
  didUrlOf,
  SD_JWT_VC_CREDENTIAL,
  SD_JWT_VC_OFFER,
  SD_JWT_VC_REQUEST,
  SdJwtVcCredentialFormatService,
  sdJwtClaims,
  setIssuerDisplay,
  toHeldSdJwtVc,
  type SdJwtVcCredentialFormat,
  type SdJwtVcOfferData,
} from './sdJwt'
export type { HeldRecord } from './provenance'
export { setArrival, setSignatureCheck, setStanding } from './provenance'
export { toHeld } from './heldRecords'
export { mdocElements } from './heldMdoc'
export { CustosWebDidResolver, type IssuerHostsOptions } from './issuerHosts'
