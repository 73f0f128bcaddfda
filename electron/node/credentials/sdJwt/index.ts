export { CustosSdJwtVcCredentialFormatService } from './CustosSdJwtVcCredentialFormatService'
export { sdJwtClaims, toHeldSdJwtVc } from './heldSdJwtVc'
export { didUrlOf } from './sdJwtVcChecks'
export { SdJwtVcCredentialFormatService } from './SdJwtVcCredentialFormatService'
export {
  SD_JWT_VC_CREDENTIAL,
  SD_JWT_VC_OFFER,
  SD_JWT_VC_REQUEST,
  type SdJwtVcCredentialFormat,
  type SdJwtVcOfferData,
} from './sdJwtVcFormat'
export { issuerDisplayOf, setIssuerDisplay } from './issuerDisplayMetadata'
